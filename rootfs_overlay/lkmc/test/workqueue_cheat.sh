# workqueue_cheat.ko: a work item on a workqueue of its own prints 0..9 over
# and over, sleeping period_ms and queueing itself again; rmmod stops it,
# cutting a sleep short. Every call must run in a workqueue worker (a kworker
# task) serving that work item: a timer or a kernel thread of its own
# printing the same numbers fails here.

load workqueue_cheat period_ms=5
wait_lines 'workqueue_cheat: [0-9]$' 12
assert_context /sys/kernel/debug/workqueue_cheat_context workqueue_cheat \
  task=all kthread=all wq_worker=all this_work=all softirq=0 hardirq=0 'comm=kworker/*'
unload workqueue_cheat
seq=$(dmesg | sed -n 's/.*workqueue_cheat: \([0-9]\)$/\1/p' | head -n 12 | tr -d '\n')
assert_eq 012345678901 "$seq" "first 12 numbers"
assert_quiet_after_rmmod 'workqueue_cheat: [0-9]$'
# The work sleeps 10 s between numbers: rmmod wakes it up instead of waiting.
dmesg_clear
load workqueue_cheat period_ms=10000
wait_lines 'workqueue_cheat: 0$' 1
usleep 100000
unload_within workqueue_cheat 5
