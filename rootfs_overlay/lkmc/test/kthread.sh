# kthread.ko: a kernel thread prints 0..9 over and over, one number every
# period_ms; rmmod stops it. Every number is printed by that thread,
# lkmc_kthread, in process context; between numbers it sleeps interruptibly
# (S: not a busy wait, not an uninterruptible D sleep), and rmmod wakes it
# up rather than waiting for the period to end.

load kthread period_ms=5
assert_eq 5 "$(cat /sys/module/kthread/parameters/period_ms)" "period_ms parameter"
assert_eq 1 "$(threads lkmc_kthread)" "lkmc_kthread threads"
wait_lines 'kthread: [0-9]$' 12
assert_context /sys/kernel/debug/kthread_context kthread \
  task=all kthread=all wq_worker=0 softirq=0 hardirq=0 comm=lkmc_kthread
unload kthread
seq=$(dmesg | sed -n 's/.*kthread: \([0-9]\)$/\1/p' | head -n 12 | tr -d '\n')
assert_eq 012345678901 "$seq" "first 12 numbers"
assert_eq 0 "$(threads lkmc_kthread)" "lkmc_kthread threads after rmmod"
assert_quiet_after_rmmod 'kthread: [0-9]$'
# A 10 s period: the thread sleeps, and rmmod does not wait for the period.
dmesg_clear
load kthread period_ms=10000
wait_lines 'kthread: 0$' 1
assert_sleeping lkmc_kthread
unload_within kthread 5
assert_eq 0 "$(threads lkmc_kthread)" "lkmc_kthread threads after rmmod"
