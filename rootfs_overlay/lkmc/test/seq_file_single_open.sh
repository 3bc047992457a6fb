# seq_file_single_open.ko x=N: /sys/kernel/debug/lkmc_seq_file_single_open
# shows "ab", "x = N", "2x = 2N", regenerated on each open.
f=/sys/kernel/debug/lkmc_seq_file_single_open
load seq_file_single_open x=21
expected="ab
x = 21
2x = 42"
assert_eq "$expected" "$(cat $f)" "content"
assert_eq "$expected" "$(dd if=$f bs=2 2>/dev/null)" "content read 2 bytes at a time"
assert_eq "x = 21" "$(dd if=$f bs=1 skip=3 count=6 2>/dev/null)" "6 bytes at offset 3"
# The parameter is writable: a new open shows the new value.
echo 5 > /sys/module/seq_file_single_open/parameters/x
assert_eq "2x = 10" "$(tail -n 1 $f)" "last line after x=5"
unload seq_file_single_open
[ ! -e $f ] || fail "$f still there after rmmod"
