# expect: kernel NULL pointer dereference
# oops.ko stores through a NULL pointer in its init. Every arch words the
# oops differently (x86: "BUG: kernel NULL pointer dereference, address:",
# arm and arm64: "Unable to handle kernel NULL pointer dereference at
# virtual address"), but all contain the text above. The oops kills insmod;
# the host stops at the oops.
insmod /lkmc/oops.ko
echo "insmod oops.ko returned $?"
exit 1
