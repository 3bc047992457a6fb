# netlink.ko: a netlink protocol (31) whose kernel side replies to each
# request with its text in upper case; netlink.out is the client.
prog=/lkmc/userland/kernel_modules/netlink.out
# No protocol without the module.
assert_fails $prog hello
load netlink
out=$($prog 'hello netlink' 42) || fail "netlink.out: $out"
assert_eq "reply seq=42: HELLO NETLINK" "$out" "reply"
assert_contains "$(dmesg)" "netlink: request 1 from port" "kernel log"
# Several clients at once each get their own reply.
for i in 1 2 3 4; do $prog "client $i" $i > /tmp/netlink.$i & done
wait
for i in 1 2 3 4; do
  assert_eq "reply seq=$i: CLIENT $i" "$(cat /tmp/netlink.$i)" "reply to client $i"
done
rm -f /tmp/netlink.*
unload netlink
