# float.ko (x86 only) divides two ints as doubles between kernel_fpu_begin()
# and kernel_fpu_end() and prints the quotient to 6 decimals.
[ "$(lkmc_arch)" = x86_64 ] || skip "x86 only"
load float num=22 den=7
assert_contains "$(dmesg)" "float: 22 / 7 = 3.142857" "kernel log"
unload float
load float num=-1 den=8
assert_contains "$(dmesg)" "float: -1 / 8 = -0.125000" "kernel log"
unload float
assert_fails insmod /lkmc/float.ko den=0
