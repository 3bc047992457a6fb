# sysfs.ko: /sys/kernel/lkmc_sysfs/foo holds an int (0 after insmod) that
# reads back what was written; bad input fails with EINVAL.
f=/sys/kernel/lkmc_sysfs/foo
load sysfs
assert_eq 0 "$(cat $f)" "initial value"
echo 12 > $f || fail "write 12"
assert_eq 12 "$(cat $f)" "value after writing 12"
assert_contains "$(dmesg)" "sysfs: foo = 12" "kernel log after the write"
echo 0x10 > $f || fail "write 0x10"
assert_eq 16 "$(cat $f)" "value after writing 0x10"
assert_fails sh -c "echo abc > $f"
assert_eq 16 "$(cat $f)" "value after a bad write"
unload sysfs
[ ! -e /sys/kernel/lkmc_sysfs ] || fail "/sys/kernel/lkmc_sysfs still there after rmmod"
