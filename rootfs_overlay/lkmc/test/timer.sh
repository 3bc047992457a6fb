# timer.ko: a kernel timer prints 0..9 over and over, every period_ms; rmmod
# stops it. The callback keeps the name lkmc_timer_callback for GDB. It must
# run as a timer does: in softirq context, never in a task (a kernel thread
# or a work item printing the same numbers fails here).

# GDB breaks on the callback by name (/proc/kallsyms is too slow to read here).
grep -q lkmc_timer_callback /lkmc/timer.ko || fail "no lkmc_timer_callback symbol in timer.ko"
load timer period_ms=5
wait_lines 'timer: [0-9]$' 12
# (In softirq, current is whatever task was interrupted: its name and flags
# say nothing about the callback.)
assert_context /sys/kernel/debug/timer_context timer softirq=all task=0 hardirq=0
# No kernel thread of its own.
assert_eq 0 "$(threads 'lkmc_.*|timer.*')" "threads of the module"
unload timer
seq=$(dmesg | sed -n 's/.*timer: \([0-9]\)$/\1/p' | head -n 12 | tr -d '\n')
assert_eq 012345678901 "$seq" "first 12 numbers"
assert_quiet_after_rmmod 'timer: [0-9]$'
# A pending timer 10 s away: rmmod deletes it at once.
load timer period_ms=10000
unload_within timer 5
[ -e /sys/kernel/debug/timer_context ] && fail "timer_context left after rmmod"
true
