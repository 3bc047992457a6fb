# module_info.ko: MODULE_VERSION and friends land in .modinfo (modinfo),
# in struct module (the module prints its name and version) and in sysfs.
info=$(modinfo /lkmc/module_info.ko)
assert_contains "$info" "1.0" "modinfo"
assert_eq 1.0 "$(modinfo -F version /lkmc/module_info.ko)" "modinfo -F version"
assert_eq lkmc_value "$(modinfo -F lkmc_key /lkmc/module_info.ko)" "modinfo -F lkmc_key"
assert_eq GPL "$(modinfo -F license /lkmc/module_info.ko)" "modinfo -F license"
load module_info
assert_contains "$(dmesg)" "name = module_info" "kernel log"
assert_contains "$(dmesg)" "version = 1.0" "kernel log"
assert_eq 1.0 "$(cat /sys/module/module_info/version)" "/sys/module/module_info/version"
[ -n "$(cat /sys/module/module_info/srcversion)" ] || fail "no srcversion in sysfs"
assert_eq "$(modinfo -F srcversion /lkmc/module_info.ko)" \
  "$(cat /sys/module/module_info/srcversion)" "srcversion: modinfo vs sysfs"
unload module_info
[ ! -e /sys/module/module_info ] || fail "/sys/module/module_info still there after rmmod"
