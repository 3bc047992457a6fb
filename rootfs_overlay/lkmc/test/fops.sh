# fops.ko: /sys/kernel/debug/lkmc_fops is a 16-byte buffer ("abcd" + zeros);
# each of open, read, write, llseek and release prints a line.
f=/sys/kernel/debug/lkmc_fops
load fops
assert_eq abcd "$(tr -d '\0' < $f)" "initial content"
log=$(dmesg)
assert_contains "$log" "fops: open" "log of a read"
assert_contains "$log" "fops: read len=" "log of a read"
assert_contains "$log" "fops: release" "log of a read"
# A read at the end returns 0: end of file after the 16 bytes.
assert_contains "$log" "ret=0" "log of the read at end of file"
assert_eq 16 "$(wc -c < $f)" "file size"

dmesg_clear
printf 0123 > $f || fail "write"
assert_contains "$(dmesg)" "fops: write len=4 ret=4" "log of a write"
assert_eq 0123 "$(tr -d '\0' < $f)" "content after writing 0123"

# dd seek= and skip= reach the file through llseek (busybox dd seeks
# relative to the current position: whence 1, SEEK_CUR).
dmesg_clear
printf XY | dd of=$f bs=1 seek=2 conv=notrunc 2>/dev/null || fail "write at offset 2"
dmesg | grep -qE "fops: llseek off=2 whence=[01] ret=2" ||
  fail "no llseek to 2 in: $(dmesg)"
assert_eq 01XY "$(tr -d '\0' < $f)" "content after writing XY at 2"
assert_eq 1X "$(dd if=$f bs=1 skip=1 count=2 2>/dev/null)" "2 bytes at offset 1"
# The file does not grow: a write at its end fails.
assert_fails sh -c "printf Z | dd of=$f bs=1 seek=16 conv=notrunc"
unload fops
[ ! -e $f ] || fail "$f still there after rmmod"
