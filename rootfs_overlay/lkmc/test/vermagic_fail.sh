# vermagic_fail.ko declares its own vermagic, so the kernel rejects it with
# ENOEXEC and logs what it expected.
out=$(insmod /lkmc/vermagic_fail.ko 2>&1) && fail "insmod vermagic_fail.ko succeeded"
assert_contains "$out" "nvalid module format" "insmod error"
grep -q '^vermagic_fail ' /proc/modules && fail "vermagic_fail in /proc/modules"
good=$(modinfo -F vermagic /lkmc/vermagic.ko)
assert_contains "$(dmesg)" "vermagic_fail: version magic 'lkmc bogus vermagic' should be '$good'" "kernel log"
assert_fails sh -c 'dmesg | grep -q "vermagic_fail init"'
