# insmod prints "hello init", rmmod prints "hello cleanup".
load hello
assert_contains "$(dmesg)" "hello init"
grep -q '^hello ' /proc/modules || fail "hello not in /proc/modules"
unload hello
assert_contains "$(dmesg)" "hello cleanup"
