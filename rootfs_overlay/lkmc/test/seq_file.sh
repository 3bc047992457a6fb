# seq_file.ko n=N: /sys/kernel/debug/lkmc_seq_file has N lines "i i*i",
# computed while reading. Small reads and lseek restart the iterator.
f=/sys/kernel/debug/lkmc_seq_file
load seq_file n=12
expected=$(i=0; while [ $i -lt 12 ]; do echo "$i $((i * i))"; i=$((i + 1)); done)
assert_eq "$expected" "$(cat $f)" "whole file"
assert_eq 12 "$(wc -l < $f)" "line count"
# 3-byte reads split records: seq_file must resume mid record.
dmesg_clear
assert_eq "$expected" "$(dd if=$f bs=3 2>/dev/null)" "file read 3 bytes at a time"
starts=$(dmesg | grep -c 'seq_file: start')
[ "$starts" -gt 5 ] || fail "only $starts iterator starts for 3-byte reads"
# lseek into the middle: "10 100" starts at byte offset 46.
assert_eq "10 100" "$(dd if=$f bs=1 skip=46 count=6 2>/dev/null)" "6 bytes at offset 46"
unload seq_file
[ ! -e $f ] || fail "$f still there after rmmod"
