# character_device_create.ko: cdev + class + device_create; devtmpfs makes
# /dev/lkmc_character_device_create by itself, with the major from
# /proc/devices, and removes it at rmmod.
n=lkmc_character_device_create
dev=/dev/$n
[ -e $dev ] && fail "$dev exists before insmod"
load character_device_create
[ -c $dev ] || fail "$dev is not a character device after insmod"
major=$(sed -n "s/^ *\([0-9]*\) $n\$/\1/p" /proc/devices)
[ -n "$major" ] || fail "$n not in /proc/devices"
# stat prints the device type in hex: major, minor.
assert_eq "$major 0" "$(printf '%d %d' 0x$(stat -c %t $dev) 0x$(stat -c %T $dev))" "device number of $dev"
assert_eq "$major:0" "$(cat /sys/class/$n/$n/dev)" "sysfs dev attribute"
assert_contains "$(dmesg)" "dev $major:0" "kernel log at insmod"
assert_eq abcd "$(cat $dev)" "initial content"
echo hello > $dev || fail "write"
assert_eq hello "$(cat $dev)" "content after write"
unload character_device_create
[ -e $dev ] && fail "$dev still there after rmmod"
[ -e /sys/class/$n ] && fail "/sys/class/$n still there after rmmod"
true
