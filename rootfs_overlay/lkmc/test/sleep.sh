# sleep.ko: module_init prints 0..n-1 and sleeps period_ms after each number,
# so insmod returns only after n * period_ms. The sleeps must be real,
# interruptible sleeps: insmod is seen sleeping (S, not R as a busy wait
# would show, nor D as an uninterruptible sleep), and a signal ends insmod
# at once, the module not loaded.
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

# A long insmod (100 * 100 ms): look at its state 20 times, then kill it.
dmesg_clear
insmod /lkmc/sleep.ko n=100 period_ms=100 & pid=$!
wait_lines 'sleep: 1$' 1
states=
k=0
while [ $k -lt 20 ]; do
  # Field 3 of /proc/PID/stat: R running, S interruptible, D uninterruptible.
  st=$(cut -d' ' -f3 /proc/$pid/stat 2>/dev/null)
  states="$states$st"
  usleep 20000
  k=$((k + 1))
done
echo "insmod states over 0.4 s: $states"
case "$states" in *D*) kill -9 $pid; fail "insmod in uninterruptible sleep (D): $states" ;; esac
nsleep=$(echo "$states" | tr -cd S | wc -c)
[ "$nsleep" -ge 15 ] || { kill -9 $pid; fail "insmod seen sleeping (S) only $nsleep of 20 times: $states"; }
t0=$(cut -d' ' -f1 /proc/uptime)
kill -TERM $pid
wait $pid && fail "insmod succeeded after SIGTERM"
t1=$(cut -d' ' -f1 /proc/uptime)
echo "SIGTERM ended insmod in ${t0}..${t1}"
# A sleep that ignored the signal would go on for the rest of its 10 s; 3 s
# leaves room for a loaded host (0.66 s was seen on a busy 2-core machine).
awk -v s="$t0" -v e="$t1" 'BEGIN { exit !(e - s <= 3) }' ||
  fail "insmod took ${t0}..${t1} to end after SIGTERM"
grep -q '^sleep ' /proc/modules && fail "sleep loaded after its init was interrupted"
assert_contains "$(dmesg)" "interrupted by a signal" "kernel log after SIGTERM"
true
