# poll.ko period_ms=P: a timer makes new data every P ms and wakes pollers of
# /sys/kernel/debug/lkmc_poll. poll.out prints one POLLIN line per wakeup.
f=/sys/kernel/debug/lkmc_poll
prog=/lkmc/userland/kernel_modules/poll.out

# No data within the poll timeout: poll returns 0 after waiting.
load poll period_ms=100000
out=$($prog $f 1 100)
assert_eq "3 timeout" "$? $out" "poll with no data"
assert_contains "$(dmesg)" "poll: poll 0" "kernel log of the poll"
unload poll

load poll period_ms=10
out=$($prog $f 5 5000) || fail "poll.out: $out"
assert_eq 5 "$(echo "$out" | grep -c '^POLLIN n=[0-9]* buf=[0-9]*$')" "POLLIN lines in: $out"
# Each wakeup brings newer data than the one before.
prev=0
for v in $(echo "$out" | sed 's/.*buf=//'); do
  [ "$v" -gt "$prev" ] || fail "data did not increase: $out"
  prev=$v
done
# Sleeping in poll, not spinning: a few poll calls per wakeup, not thousands.
calls=$(dmesg | grep -c 'poll: poll ')
[ "$calls" -le 30 ] || fail "$calls poll calls for 5 wakeups"
unload poll
