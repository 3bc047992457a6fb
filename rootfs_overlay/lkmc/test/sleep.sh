# sleep.ko: module_init prints 0..n-1 and sleeps period_ms after each number,
# so insmod returns only after n * period_ms.
start=$(cut -d' ' -f1 /proc/uptime)
load sleep n=4 period_ms=50
end=$(cut -d' ' -f1 /proc/uptime)
unload sleep
# /proc/uptime counts in 10 ms steps: allow one step less than 4 * 50 ms.
awk -v s="$start" -v e="$end" 'BEGIN { exit !(e - s >= 0.19) }' ||
  fail "insmod took ${start}..${end}, less than 4 * 50 ms"
seq=$(dmesg | sed -n 's/.*sleep: \([0-9]*\)$/\1/p' | tr -d '\n')
assert_eq 0123 "$seq" "numbers printed"
# The kernel log timestamps (microseconds) show the sleeps between numbers.
gaps=$(dmesg | grep 'sleep: [0-9]*$' | tr -d '[]' |
  awk 'NR > 1 && $1 - t < 0.049 { bad = bad " " $1 - t } { t = $1 } END { print bad }')
assert_eq "" "$gaps" "gaps shorter than 50 ms between numbers"
