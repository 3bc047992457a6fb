# float.ko (x86 only) divides two ints as doubles between kernel_fpu_begin()
# and kernel_fpu_end() and prints the quotient to 6 decimals. Those calls are
# what keeps the SSE registers of the task that loads the module intact:
# fpu_check loads it with known values in xmm0..xmm7 and checks them after
# the system call (without kernel_fpu_begin() the division clobbers them).
[ "$(lkmc_arch)" = x86_64 ] || skip "x86 only"
C=/lkmc/userland/kernel_modules/fpu_check.out
[ -x $C ] || fail "missing $C"
out=$($C /lkmc/float.ko 'num=22 den=7') || fail "fpu_check: $out"
echo "fpu_check float.ko: $out"
assert_contains "$(dmesg)" "float: 22 / 7 = 3.142857" "kernel log"
unload float
load float num=-1 den=8
assert_contains "$(dmesg)" "float: -1 / 8 = -0.125000" "kernel log"
unload float
assert_fails insmod /lkmc/float.ko den=0
