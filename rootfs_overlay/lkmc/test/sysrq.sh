# Magic SysRq from /proc/sysrq-trigger: 'm' dumps the memory state to the
# kernel log (a harmless key: 'c' would crash, 'b' reboot).
[ -w /proc/sysrq-trigger ] || fail "no /proc/sysrq-trigger"
echo m > /proc/sysrq-trigger || fail "write m to /proc/sysrq-trigger"
assert_contains "$(dmesg)" "sysrq: Show Memory" "kernel log after SysRq m"
assert_contains "$(dmesg)" "Mem-Info:" "kernel log after SysRq m"
echo "SysRq m: $(dmesg | grep -c .) kernel log lines"
