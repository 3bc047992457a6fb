# kthreads.ko: two kernel threads count 0..9 over and over in parallel,
# printing "<thread_id> <count>"; rmmod stops both. Each id is printed by its
# own thread (lkmc_kthreads1, lkmc_kthreads2), which sleeps interruptibly
# between numbers; rmmod wakes them up rather than waiting for the period.

load kthreads period_ms=5
assert_eq 2 "$(threads 'lkmc_kthreads[12]')" "lkmc_kthreads threads"
wait_lines 'kthreads: 1 [0-9]$' 11
wait_lines 'kthreads: 2 [0-9]$' 11
for id in 1 2; do
  assert_context /sys/kernel/debug/kthreads_context $id \
    task=all kthread=all wq_worker=0 softirq=0 hardirq=0 comm=lkmc_kthreads$id
done
unload kthreads
for id in 1 2; do
  seq=$(dmesg | sed -n "s/.*kthreads: $id \([0-9]\)\$/\1/p" | head -n 11 | tr -d '\n')
  assert_eq 01234567890 "$seq" "numbers of thread $id"
done
# Running in parallel: the second thread starts long before the first one
# is through its first ten numbers.
ids=$(dmesg | sed -n 's/.*kthreads: \([12]\) [0-9]$/\1/p' | head -n 10 | sort -u | tr -d '\n')
assert_eq 12 "$ids" "threads seen in the first 10 lines"
assert_eq 0 "$(threads 'lkmc_kthreads[12]')" "lkmc_kthreads threads after rmmod"
assert_quiet_after_rmmod 'kthreads: [12] [0-9]$'
dmesg_clear
load kthreads period_ms=10000
wait_lines 'kthreads: [12] 0$' 2
assert_sleeping lkmc_kthreads1
assert_sleeping lkmc_kthreads2
unload_within kthreads 5
