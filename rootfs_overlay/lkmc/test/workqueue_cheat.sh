# workqueue_cheat.ko: a work item on a workqueue of its own prints 0..9 over
# and over, sleeping period_ms and queueing itself again; rmmod stops it.

wait_lines() {
  i=0
  while [ "$(dmesg | grep -c -- "$1")" -lt "$2" ]; do
    i=$((i + 1))
    [ "$i" -le 500 ] || fail "$(dmesg | grep -c -- "$1") of $2 lines '$1' after 5s"
    usleep 10000
  done
}

load workqueue_cheat period_ms=5
wait_lines 'workqueue_cheat: [0-9]$' 12
unload workqueue_cheat
seq=$(dmesg | sed -n 's/.*workqueue_cheat: \([0-9]\)$/\1/p' | head -n 12 | tr -d '\n')
assert_eq 012345678901 "$seq" "first 12 numbers"
n=$(dmesg | grep -c 'workqueue_cheat: [0-9]$')
usleep 50000
assert_eq "$n" "$(dmesg | grep -c 'workqueue_cheat: [0-9]$')" "lines printed after rmmod"
