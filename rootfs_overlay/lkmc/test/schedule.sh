# schedule.ko: a kernel thread that spins and prints a counter every
# period_ms. With schedule=1 it calls schedule() on each turn, so other tasks
# of its CPU still run next to it: a task pinned to the thread's CPU must get
# a fair share of that CPU, and the thread is switched out again and again
# (its involuntary context switches grow). Without schedule() the pinned task
# gets nothing: with 2 CPUs this test fails at once; with 1 CPU nothing else
# runs at all and the guest hangs (schedule=0 is not tested for that reason).
SHARE=/lkmc/userland/kernel_modules/cpu_share.out
[ -x $SHARE ] || fail "missing $SHARE"

load schedule schedule=1 period_ms=5 cpu=0
assert_eq Y "$(cat /sys/module/schedule/parameters/schedule)" "schedule parameter"
# The thread never sleeps: it is always runnable (R).
state=$(ps -o stat,comm | awk '$2 == "lkmc_schedule" { print substr($1, 1, 1) }')
assert_eq R "$state" "state of lkmc_schedule"
p=$(pid_of lkmc_schedule) || fail "no lkmc_schedule thread"
nivcsw() { sed -n 's/^nonvoluntary_ctxt_switches:[[:space:]]*//p' /proc/$p/status; }
sw0=$(nivcsw)
# A task on CPU 0 next to the thread, spinning for 0.5 s: it must finish and
# get at least a fifth of the time (a fair share is a half).
$SHARE 0 500 > /tmp/cpu_share.out & share=$!
k=0
while [ ! -s /tmp/cpu_share.out ]; do
  [ $k -ge 300 ] && { rmmod schedule; wait $share; fail "a task pinned to the CPU of lkmc_schedule got no CPU in 3 s: $(cat /tmp/cpu_share.out)"; }
  usleep 10000; k=$((k + 1))
done
wait $share
sw1=$(nivcsw)
out=$(cat /tmp/cpu_share.out)
echo "task pinned to CPU 0 next to lkmc_schedule: $out; lkmc_schedule switched out $sw0 -> $sw1"
got=${out#cpu_ms=}; got=${got%% *}
[ "$got" -ge 100 ] || fail "the pinned task got $got ms of CPU in 500 ms"
[ $((sw1 - sw0)) -ge 10 ] || fail "lkmc_schedule was switched out only $((sw1 - sw0)) times"
wait_lines 'schedule: [0-9]$' 11
unload schedule
seq=$(dmesg | sed -n 's/.*schedule: \([0-9]\)$/\1/p' | head -n 11 | tr -d '\n')
assert_eq 01234567890 "$seq" "first 11 numbers"
assert_quiet_after_rmmod 'schedule: [0-9]$'
