# schedule.ko: a kernel thread that spins and prints a counter every
# period_ms. With schedule=1 it calls schedule() on each turn, so this shell
# still runs next to it, even on one CPU. (schedule=0 would hang a 1-CPU
# guest: not tested.)

wait_lines() {
  i=0
  while [ "$(dmesg | grep -c -- "$1")" -lt "$2" ]; do
    i=$((i + 1))
    [ "$i" -le 500 ] || fail "$(dmesg | grep -c -- "$1") of $2 lines '$1' after 5s"
    usleep 10000
  done
}

load schedule schedule=1 period_ms=5
assert_eq Y "$(cat /sys/module/schedule/parameters/schedule)" "schedule parameter"
# The thread never sleeps: it is always runnable (R).
state=$(ps -o stat,comm | awk '$2 == "lkmc_schedule" { print substr($1, 1, 1) }')
assert_eq R "$state" "state of lkmc_schedule"
wait_lines 'schedule: [0-9]$' 11
unload schedule
seq=$(dmesg | sed -n 's/.*schedule: \([0-9]\)$/\1/p' | head -n 11 | tr -d '\n')
assert_eq 01234567890 "$seq" "first 11 numbers"
n=$(dmesg | grep -c 'schedule: [0-9]$')
usleep 50000
assert_eq "$n" "$(dmesg | grep -c 'schedule: [0-9]$')" "lines printed after rmmod"
