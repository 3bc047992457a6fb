# The modules are installed as on a distro (Kbuild's modules_install, then
# depmod): /lib/modules/<release>/extra/*.ko and modules.dep. modprobe loads
# a module's dependencies first, modprobe -r unloads them again when unused,
# and options lines in /etc/modprobe.d/*.conf reach the module.
md=/lib/modules/$(uname -r)
[ -f $md/modules.dep ] || fail "no $md/modules.dep: the modules are not installed"
assert_contains "$(grep '^extra/dep2.ko:' $md/modules.dep)" "extra/dep.ko" "modules.dep line of dep2"
grep -q '^dep ' /proc/modules && fail "dep loaded before the test"
out=$(modprobe dep2 2>&1) || fail "modprobe dep2: $out"
grep -q '^dep ' /proc/modules || fail "modprobe dep2 did not load dep: $(cat /proc/modules)"
grep -q '^dep2 ' /proc/modules || fail "modprobe dep2 did not load dep2"
assert_contains "$(dmesg)" "dep2: init lkmc_dep = 1" "kernel log at modprobe dep2"
out=$(modprobe -r dep2 2>&1) || fail "modprobe -r dep2: $out"
grep -qE '^dep2? ' /proc/modules && fail "modprobe -r dep2 left: $(grep -E '^dep2? ' /proc/modules)"
echo "modprobe dep2 loaded dep then dep2; modprobe -r dep2 removed both"

# modinfo by name, from modules.dep.
info=$(modinfo dep) || fail "modinfo dep"
assert_contains "$info" "filename:       $md/extra/dep.ko" "modinfo dep"
assert_contains "$info" "description:    Exports lkmc_dep for dep2" "modinfo dep"
assert_contains "$info" "license:        GPL" "modinfo dep"
assert_contains "$info" "vermagic:       $(uname -r) " "modinfo dep"
assert_eq dep "$(modinfo -F depends dep2)" "modinfo -F depends dep2"
assert_contains "$(modinfo params)" "parm:           i:my favorite int" "modinfo params"

# /etc/modprobe.d options, for modprobe only (insmod reads no configuration).
mkdir -p /etc/modprobe.d
echo "options params i=5 j=-6" > /etc/modprobe.d/lkmc_test.conf
out=$(modprobe params 2>&1)
status=$?
rm -f /etc/modprobe.d/lkmc_test.conf
[ $status -eq 0 ] || fail "modprobe params: $out"
assert_eq 5 "$(cat /sys/module/params/parameters/i)" "params i from modprobe.d"
assert_eq -6 "$(cat /sys/module/params/parameters/j)" "params j from modprobe.d"
modprobe -r params || fail "modprobe -r params"
echo "options params i=5 j=-6 in /etc/modprobe.d reached the module"

# depmod in the guest writes modules.dep again, from the modules themselves.
cp $md/modules.dep /tmp/modules.dep.host
rm $md/modules.dep
depmod || fail "depmod"
[ -f $md/modules.dep ] || fail "depmod wrote no $md/modules.dep"
line=$(grep 'dep2.ko:' $md/modules.dep)
cp /tmp/modules.dep.host $md/modules.dep
assert_contains "$line" "dep.ko" "modules.dep line of dep2 written by depmod"
echo "depmod: $line"
