# kthread.ko: a kernel thread prints 0..9 over and over, one number every
# period_ms; rmmod stops it.

# wait_lines PATTERN N: poll dmesg every 10 ms, up to 5 s, for N matching lines.
# threads NAME_REGEX: how many tasks have a matching name.
threads() { cat /proc/[0-9]*/comm 2>/dev/null | grep -cE "^($1)\$"; }

wait_lines() {
  i=0
  while [ "$(dmesg | grep -c -- "$1")" -lt "$2" ]; do
    i=$((i + 1))
    [ "$i" -le 500 ] || fail "$(dmesg | grep -c -- "$1") of $2 lines '$1' after 5s"
    usleep 10000
  done
}

load kthread period_ms=5
assert_eq 5 "$(cat /sys/module/kthread/parameters/period_ms)" "period_ms parameter"
assert_eq 1 "$(threads lkmc_kthread)" "lkmc_kthread threads"
wait_lines 'kthread: [0-9]$' 12
unload kthread
seq=$(dmesg | sed -n 's/.*kthread: \([0-9]\)$/\1/p' | head -n 12 | tr -d '\n')
assert_eq 012345678901 "$seq" "first 12 numbers"
assert_eq 0 "$(threads lkmc_kthread)" "lkmc_kthread threads after rmmod"
n=$(dmesg | grep -c 'kthread: [0-9]$')
usleep 50000
assert_eq "$n" "$(dmesg | grep -c 'kthread: [0-9]$')" "lines printed after rmmod"
