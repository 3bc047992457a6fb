# mmap.ko: /proc/lkmc_mmap maps a kernel page holding a string. What the
# kernel writes shows in the mapping; what userland writes in the mapping
# shows in read() and in the kernel log at close.
f=/proc/lkmc_mmap
prog=/lkmc/userland/kernel_modules/mmap.out
load mmap
assert_eq abcd "$(cat $f)" "initial content"
printf 'from kernel' > $f || fail "write"
out=$($prog $f 'from user') || fail "mmap.out: $out"
assert_eq "mmap: from kernel
read: from user" "$out" "mmap.out output"
assert_eq "from user" "$(cat $f)" "content after mmap.out"
assert_contains "$(dmesg)" "mmap: release buf = from user" "kernel log at close"
# One page only, from offset 0.
assert_contains "$(dmesg)" "mmap: mmap" "kernel log of mmap"
unload mmap
