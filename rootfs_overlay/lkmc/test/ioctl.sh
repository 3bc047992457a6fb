# ioctl.ko: LKMC_IOCTL_INC increments a struct field in the kernel and copies
# the struct back; LKMC_IOCTL_STATS returns a count and the last result.
f=/sys/kernel/debug/lkmc_ioctl
prog=/lkmc/userland/kernel_modules/ioctl.out
load ioctl
out=$($prog $f 1 7 3) || fail "$prog failed: $out"
expected="inc i=2 j=7
inc i=3 j=7
inc i=4 j=7
stats calls=3 last_i=4"
assert_eq "$expected" "$out" "ioctl.out output"
# The count lives in the kernel: it goes on across opens.
out=$($prog $f 100 0 1) || fail "$prog failed: $out"
assert_eq "inc i=101 j=0
stats calls=4 last_i=101" "$out" "second run"
assert_contains "$(dmesg)" "ioctl: inc i=101 j=0" "kernel log"
unload ioctl
