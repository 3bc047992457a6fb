# debugfs.ko: /sys/kernel/debug/lkmc_debugfs/myfile reads and writes a u32
# kernel variable (42 after insmod); rmmod prints the variable.
d=/sys/kernel/debug/lkmc_debugfs
load debugfs
assert_eq 42 "$(cat $d/myfile)" "initial value"
echo 13 > $d/myfile || fail "write 13"
assert_eq 13 "$(cat $d/myfile)" "value after writing 13"
assert_fails sh -c "echo notanumber > $d/myfile"
assert_eq 13 "$(cat $d/myfile)" "value after a bad write"
unload debugfs
assert_contains "$(dmesg)" "debugfs: value = 13" "kernel log at rmmod"
[ ! -e $d ] || fail "$d still there after rmmod"
