# hello2.ko next to hello.ko: each module has its own init and exit, and
# both can be loaded at the same time.
load hello
load hello2
assert_contains "$(dmesg)" "hello2 init"
grep -q '^hello2 ' /proc/modules || fail "hello2 not in /proc/modules"
grep -q '^hello ' /proc/modules || fail "hello not in /proc/modules"
unload hello2
assert_contains "$(dmesg)" "hello2 cleanup"
grep -q '^hello ' /proc/modules || fail "rmmod hello2 removed hello too"
unload hello
