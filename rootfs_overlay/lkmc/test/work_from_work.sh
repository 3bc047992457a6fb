# work_from_work.ko: a delayed work item prints 0..9 over and over and queues
# itself again with a period_ms delay; rmmod stops it. Every call must run in
# a workqueue worker (a kworker task) serving that work item, and rmmod must
# cancel a pending delay at once.

load work_from_work period_ms=5
wait_lines 'work_from_work: [0-9]$' 12
assert_context /sys/kernel/debug/work_from_work_context work_from_work \
  task=all kthread=all wq_worker=all this_work=all softirq=0 hardirq=0 'comm=kworker/*'
unload work_from_work
seq=$(dmesg | sed -n 's/.*work_from_work: \([0-9]\)$/\1/p' | head -n 12 | tr -d '\n')
assert_eq 012345678901 "$seq" "first 12 numbers"
assert_quiet_after_rmmod 'work_from_work: [0-9]$'
# The next run is 10 s away: rmmod cancels it instead of waiting.
dmesg_clear
load work_from_work period_ms=10000
wait_lines 'work_from_work: 0$' 1
unload_within work_from_work 5
