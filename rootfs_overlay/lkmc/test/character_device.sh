# character_device.ko: register_chrdev with major 0. The test finds the major
# in /proc/devices, mknods two minors, and reads and writes the device buffer.
load character_device
major=$(sed -n 's/^ *\([0-9]*\) lkmc_character_device$/\1/p' /proc/devices)
[ -n "$major" ] || fail "lkmc_character_device not in /proc/devices"
assert_contains "$(dmesg)" "character_device: major $major" "kernel log at insmod"
[ -e /dev/lkmc_character_device ] && fail "a /dev node appeared without mknod"
mknod /tmp/lkmc_cd0 c "$major" 0 || fail "mknod minor 0"
mknod /tmp/lkmc_cd1 c "$major" 1 || fail "mknod minor 1"
assert_eq abcd "$(cat /tmp/lkmc_cd0)" "initial content"
echo hello > /tmp/lkmc_cd1 || fail "write"
# One driver, one buffer: both minors see the write.
assert_eq hello "$(cat /tmp/lkmc_cd0)" "minor 0 after writing minor 1"
assert_contains "$(dmesg)" "open major $major minor 1" "kernel log of open"
unload character_device
grep -q lkmc_character_device /proc/devices && fail "still in /proc/devices after rmmod"
# Without a driver for the major, open fails (ENXIO).
assert_fails cat /tmp/lkmc_cd0
rm -f /tmp/lkmc_cd0 /tmp/lkmc_cd1
