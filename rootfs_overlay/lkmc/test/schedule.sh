# schedule.ko: a kernel thread that spins and prints a counter every
# period_ms. With schedule=1 it calls schedule() on each turn, so this shell
# still runs next to it, even on one CPU. (schedule=0 would hang a 1-CPU
# guest: not tested.)

load schedule schedule=1 period_ms=5
assert_eq Y "$(cat /sys/module/schedule/parameters/schedule)" "schedule parameter"
# The thread never sleeps: it is always runnable (R).
state=$(ps -o stat,comm | awk '$2 == "lkmc_schedule" { print substr($1, 1, 1) }')
assert_eq R "$state" "state of lkmc_schedule"
wait_lines 'schedule: [0-9]$' 11
unload schedule
seq=$(dmesg | sed -n 's/.*schedule: \([0-9]\)$/\1/p' | head -n 11 | tr -d '\n')
assert_eq 01234567890 "$seq" "first 11 numbers"
assert_quiet_after_rmmod 'schedule: [0-9]$'
