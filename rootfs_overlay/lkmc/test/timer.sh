# timer.ko: a kernel timer prints 0..9 over and over, every period_ms; rmmod
# stops it. The callback keeps the name lkmc_timer_callback for GDB.

wait_lines() {
  i=0
  while [ "$(dmesg | grep -c -- "$1")" -lt "$2" ]; do
    i=$((i + 1))
    [ "$i" -le 500 ] || fail "$(dmesg | grep -c -- "$1") of $2 lines '$1' after 5s"
    usleep 10000
  done
}

# GDB breaks on the callback by name (/proc/kallsyms is too slow to read here).
grep -q lkmc_timer_callback /lkmc/timer.ko || fail "no lkmc_timer_callback symbol in timer.ko"
load timer period_ms=5
wait_lines 'timer: [0-9]$' 12
unload timer
seq=$(dmesg | sed -n 's/.*timer: \([0-9]\)$/\1/p' | head -n 12 | tr -d '\n')
assert_eq 012345678901 "$seq" "first 12 numbers"
n=$(dmesg | grep -c 'timer: [0-9]$')
usleep 50000
assert_eq "$n" "$(dmesg | grep -c 'timer: [0-9]$')" "lines printed after rmmod"
