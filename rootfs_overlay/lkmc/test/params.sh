# params.ko: insmod sets int parameters i and j; they show in sysfs and in
# /sys/kernel/debug/lkmc_params, and sysfs writes change the variables.
p=/sys/module/params/parameters
d=/sys/kernel/debug/lkmc_params
info=$(modinfo /lkmc/params.ko)
assert_contains "$info" "i:my favorite int" "modinfo"
assert_contains "$info" "j:my second favorite int" "modinfo"
load params i=3 j=4
assert_contains "$(dmesg)" "params: i = 3 j = 4" "kernel log at insmod"
assert_eq 3 "$(cat $p/i)" "sysfs i"
assert_eq 4 "$(cat $p/j)" "sysfs j"
assert_eq "3 4" "$(cat $d)" "debugfs"
assert_eq "-rw-------" "$(ls -l $p/i | cut -c1-10)" "sysfs i mode"
echo 12 > $p/i || fail "write sysfs i"
echo -34 > $p/j || fail "write sysfs j"
assert_eq "12 -34" "$(cat $d)" "debugfs after sysfs writes"
assert_fails sh -c "echo abc > $p/i"
assert_eq "12 -34" "$(cat $d)" "debugfs after a bad write"
unload params
assert_contains "$(dmesg)" "params: exit i = 12 j = -34" "kernel log at rmmod"
[ ! -e $d ] || fail "$d still there after rmmod"
# Defaults without arguments.
load params
assert_eq "0 0" "$(cat $d)" "debugfs with default parameters"
unload params
