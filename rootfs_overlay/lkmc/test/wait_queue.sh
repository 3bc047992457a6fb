# wait_queue.ko: a producer thread makes an event every period_ms ("0 <n>")
# and wakes a wait queue; two consumer threads sleeping on it print
# "1 <n>" and "2 <n>". A read of /sys/kernel/debug/lkmc_wait_queue sleeps on
# the same queue until the next event and returns its number.

load wait_queue period_ms=20
assert_eq 3 "$(threads 'lkmc_waiter[12]|lkmc_waker')" "producer and consumer threads"
f=/sys/kernel/debug/lkmc_wait_queue
a=$(timeout 5 cat $f) || fail "first read of $f did not return"
b=$(timeout 5 cat $f) || fail "second read of $f did not return"
# Each read waited for an event that came after it started.
[ "$a" -ge 1 ] && [ "$b" -gt "$a" ] || fail "reads returned '$a' then '$b'"
# The consumers woke up too.
wait_lines 'wait_queue: 1 [0-9]*$' 2
wait_lines 'wait_queue: 2 [0-9]*$' 2
unload wait_queue
assert_eq 0 "$(threads 'lkmc_waiter[12]|lkmc_waker')" "threads after rmmod"
# Every number a consumer printed was an event of the producer.
for n in $(dmesg | sed -n 's/.*wait_queue: [12] \([0-9]*\)$/\1/p'); do
  dmesg | grep -q "wait_queue: 0 $n\$" || fail "consumer saw event $n that was never made"
done
[ -e $f ] && fail "$f still exists after rmmod"

# With no event for a minute, a read blocks; its open file pins the module,
# and a signal ends the wait.
load wait_queue period_ms=60000
cat $f > /tmp/wait_queue.out 2>&1 &
pid=$!
i=0
while [ "$(cat /sys/module/wait_queue/refcnt)" != 1 ]; do
  i=$((i + 1))
  [ "$i" -le 500 ] || fail "the reader did not open $f"
  usleep 10000
done
usleep 50000
kill -0 $pid 2>/dev/null || fail "read returned with no event: $(cat /tmp/wait_queue.out)"
assert_fails rmmod wait_queue
kill $pid
{ wait $pid; } 2>/dev/null
[ -s /tmp/wait_queue.out ] && fail "interrupted read printed: $(cat /tmp/wait_queue.out)"
unload wait_queue
