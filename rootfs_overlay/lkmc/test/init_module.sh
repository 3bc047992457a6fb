# init_module.ko names its entry points init_module/cleanup_module instead
# of using module_init()/module_exit(); the kernel calls them all the same.
load init_module
assert_contains "$(dmesg)" "init_module init" "kernel log at insmod"
grep -q '^init_module ' /proc/modules || fail "init_module not in /proc/modules"
unload init_module
assert_contains "$(dmesg)" "init_module cleanup" "kernel log at rmmod"
