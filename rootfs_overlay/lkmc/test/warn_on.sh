# warn_on.ko: WARN_ON(true) prints a WARNING with a stack trace and taints
# the kernel, but init goes on and rmmod works. cond=0 prints nothing.
# This test expects its own warning, and only that one: run.sh fails any other
# test whose run makes the kernel warn, and this one on any other report.
# expect-kernel-report: cut here|WARNING: CPU: .* warn_on_init\+
zcat /proc/config.gz | grep -q '^CONFIG_BUG=y' ||
  skip "CONFIG_BUG is off: WARN_ON prints nothing"
[ "$(cat /proc/sys/kernel/panic_on_warn)" = 0 ] || skip "panic_on_warn is set"
load warn_on cond=0
assert_contains "$(dmesg)" "WARN_ON returned false" "kernel log with cond=0"
assert_fails sh -c 'dmesg | grep -q "WARNING:"'
unload warn_on
dmesg_clear
load warn_on
log=$(dmesg)
assert_contains "$log" "WARNING: CPU:" "kernel log"
# "at [file:line] warn_on_init+0x../0x.. [warn_on]": where WARN_ON fired.
echo "$log" | grep -q 'WARNING: CPU: .* warn_on_init+0x.* \[warn_on\]' ||
  fail "no 'WARNING: ... warn_on_init+... [warn_on]' in: $log"
assert_contains "$log" "cut here" "kernel log"
assert_contains "$log" "WARN_ON returned true" "kernel log after the WARN_ON"
# Taint bit 9 (W): a warning was issued.
[ $(( $(cat /proc/sys/kernel/tainted) & 512 )) -ne 0 ] || fail "kernel not tainted W"
unload warn_on
assert_contains "$(dmesg)" "warn_on cleanup" "kernel log at rmmod"
