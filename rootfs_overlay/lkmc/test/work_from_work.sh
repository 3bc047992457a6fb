# work_from_work.ko: a delayed work item prints 0..9 over and over and queues
# itself again with a period_ms delay; rmmod stops it.

load work_from_work period_ms=5
wait_lines 'work_from_work: [0-9]$' 12
unload work_from_work
seq=$(dmesg | sed -n 's/.*work_from_work: \([0-9]\)$/\1/p' | head -n 12 | tr -d '\n')
assert_eq 012345678901 "$seq" "first 12 numbers"
assert_quiet_after_rmmod 'work_from_work: [0-9]$'
