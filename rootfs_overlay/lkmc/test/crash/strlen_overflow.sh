# expect: detected buffer overflow in __fortify_strlen
# strlen_overflow.ko calls strlen() on a 4-byte array without a NUL.
# CONFIG_FORTIFY_SOURCE checks it at run time and calls fortify_panic(),
# which prints the text above (6.1 names the fortified strlen by its inline
# function) and then BUG()s. A BUG is an oops that does not stop the kernel,
# so panic_on_oops turns it into a panic the host sees.
zcat /proc/config.gz | grep -q '^CONFIG_FORTIFY_SOURCE=y' ||
  { echo "SKIP: CONFIG_FORTIFY_SOURCE is off"; exit 77; }
echo 1 > /proc/sys/kernel/panic_on_oops
insmod /lkmc/strlen_overflow.ko
echo "insmod strlen_overflow.ko returned $?"
exit 1
