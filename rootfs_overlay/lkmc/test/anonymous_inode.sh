# anonymous_inode.ko: an ioctl on /sys/kernel/debug/lkmc_anonymous_inode
# returns a new anonymous file; reads from it give 1, 10, ..., 10000000, 1,
# and each such file counts on its own.
f=/sys/kernel/debug/lkmc_anonymous_inode
prog=/lkmc/userland/kernel_modules/anonymous_inode.out
load anonymous_inode
out=$($prog $f 10) || fail "anonymous_inode.out: $out"
expected="link: anon_inode:lkmc_anonymous_inode
1
10
100
1000
10000
100000
1000000
10000000
1
10
second: 1"
assert_eq "$expected" "$out" "anonymous_inode.out output"
assert_eq 2 "$(dmesg | grep -c 'anonymous_inode: new fd')" "fds made"
# The program closed its files, so rmmod works.
unload anonymous_inode
