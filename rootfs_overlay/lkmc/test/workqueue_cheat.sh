# workqueue_cheat.ko: a work item on a workqueue of its own prints 0..9 over
# and over, sleeping period_ms and queueing itself again; rmmod stops it.

load workqueue_cheat period_ms=5
wait_lines 'workqueue_cheat: [0-9]$' 12
unload workqueue_cheat
seq=$(dmesg | sed -n 's/.*workqueue_cheat: \([0-9]\)$/\1/p' | head -n 12 | tr -d '\n')
assert_eq 012345678901 "$seq" "first 12 numbers"
assert_quiet_after_rmmod 'workqueue_cheat: [0-9]$'
