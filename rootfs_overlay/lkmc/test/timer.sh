# timer.ko: a kernel timer prints 0..9 over and over, every period_ms; rmmod
# stops it. The callback keeps the name lkmc_timer_callback for GDB.

# GDB breaks on the callback by name (/proc/kallsyms is too slow to read here).
grep -q lkmc_timer_callback /lkmc/timer.ko || fail "no lkmc_timer_callback symbol in timer.ko"
load timer period_ms=5
wait_lines 'timer: [0-9]$' 12
unload timer
seq=$(dmesg | sed -n 's/.*timer: \([0-9]\)$/\1/p' | head -n 12 | tr -d '\n')
assert_eq 012345678901 "$seq" "first 12 numbers"
assert_quiet_after_rmmod 'timer: [0-9]$'
