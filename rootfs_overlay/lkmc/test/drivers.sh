# The drivers that lkmc run's options add devices for are in the kernel:
# virtio-net (the network), virtio-gpu (bochs for the standard VGA on x86_64)
# with a framebuffer console (--graphic), virtio-input (a keyboard for it).
for d in virtio/drivers/virtio_net virtio/drivers/virtio_gpu virtio/drivers/virtio_input; do
  [ -d /sys/bus/$d ] || fail "no driver /sys/bus/$d"
done
if [ "$(lkmc_arch)" = x86_64 ]; then
  [ -d /sys/bus/pci/drivers/bochs-drm ] || fail "no bochs-drm PCI driver: $(ls /sys/bus/pci/drivers)"
fi
[ -e /sys/class/graphics/fbcon ] || fail "no framebuffer console (/sys/class/graphics/fbcon)"
echo "drivers: $(ls /sys/bus/virtio/drivers | tr '\n' ' ')"
