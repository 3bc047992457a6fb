# expect: Kernel panic - not syncing: hello panic
# panic.ko calls panic("hello panic") in its init: the kernel stops, and the
# host sees the panic message on the console. Nothing below insmod runs.
insmod /lkmc/panic.ko
echo "still alive after insmod panic.ko"
exit 1
