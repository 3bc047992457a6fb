# work_from_work.ko: a delayed work item prints 0..9 over and over and queues
# itself again with a period_ms delay; rmmod stops it.

wait_lines() {
  i=0
  while [ "$(dmesg | grep -c -- "$1")" -lt "$2" ]; do
    i=$((i + 1))
    [ "$i" -le 500 ] || fail "$(dmesg | grep -c -- "$1") of $2 lines '$1' after 5s"
    usleep 10000
  done
}

load work_from_work period_ms=5
wait_lines 'work_from_work: [0-9]$' 12
unload work_from_work
seq=$(dmesg | sed -n 's/.*work_from_work: \([0-9]\)$/\1/p' | head -n 12 | tr -d '\n')
assert_eq 012345678901 "$seq" "first 12 numbers"
n=$(dmesg | grep -c 'work_from_work: [0-9]$')
usleep 50000
assert_eq "$n" "$(dmesg | grep -c 'work_from_work: [0-9]$')" "lines printed after rmmod"
