# kthread.ko: a kernel thread prints 0..9 over and over, one number every
# period_ms; rmmod stops it.

load kthread period_ms=5
assert_eq 5 "$(cat /sys/module/kthread/parameters/period_ms)" "period_ms parameter"
assert_eq 1 "$(threads lkmc_kthread)" "lkmc_kthread threads"
wait_lines 'kthread: [0-9]$' 12
unload kthread
seq=$(dmesg | sed -n 's/.*kthread: \([0-9]\)$/\1/p' | head -n 12 | tr -d '\n')
assert_eq 012345678901 "$seq" "first 12 numbers"
assert_eq 0 "$(threads lkmc_kthread)" "lkmc_kthread threads after rmmod"
assert_quiet_after_rmmod 'kthread: [0-9]$'
