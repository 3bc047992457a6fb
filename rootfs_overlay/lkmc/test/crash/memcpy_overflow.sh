# expect: detected buffer overflow in memcpy
# memcpy_overflow.ko copies len bytes into a 4-byte array. With len=4 it
# loads; with the default len=8 CONFIG_FORTIFY_SOURCE's run-time check calls
# fortify_panic(), which prints the text above and then BUG()s;
# panic_on_oops turns that oops into a panic the host sees.
zcat /proc/config.gz | grep -q '^CONFIG_FORTIFY_SOURCE=y' ||
  { echo "SKIP: CONFIG_FORTIFY_SOURCE is off"; exit 77; }
insmod /lkmc/memcpy_overflow.ko len=4 || { echo "insmod len=4 failed"; exit 1; }
rmmod memcpy_overflow || exit 1
echo 1 > /proc/sys/kernel/panic_on_oops
insmod /lkmc/memcpy_overflow.ko
echo "insmod memcpy_overflow.ko returned $?"
exit 1
