# The kernel's own modules (the config's =m options) are installed next to
# ours: modprobe uio_pci_generic loads uio first (Userspace I/O), and
# dummy-irq registers its handler on the IRQ it is given.
md=/lib/modules/$(uname -r)
assert_contains "$(grep 'uio_pci_generic.ko:' $md/modules.dep)" "uio.ko" "modules.dep line of uio_pci_generic"
out=$(modprobe uio_pci_generic 2>&1) || fail "modprobe uio_pci_generic: $out"
grep -q '^uio ' /proc/modules || fail "modprobe uio_pci_generic did not load uio"
[ -d /sys/class/uio ] || fail "no /sys/class/uio with uio loaded"
[ -d /sys/bus/pci/drivers/uio_pci_generic ] || fail "uio_pci_generic is no PCI driver"
modprobe -r uio_pci_generic || fail "modprobe -r uio_pci_generic"
grep -q '^uio ' /proc/modules && fail "uio still loaded after modprobe -r uio_pci_generic"
echo "modprobe uio_pci_generic loaded uio; modprobe -r removed both"

# dummy-irq registers a shared handler on the line it is given: one that is
# free, or one whose driver shares it.
if [ "$(lkmc_arch)" = x86_64 ]; then
  # The parallel port's ISA line: nothing uses it on QEMU's pc (the 8250
  # driver does not share the console's line).
  irq=7
  grep -q "^ *$irq:" /proc/interrupts && fail "IRQ $irq in use: $(grep "^ *$irq:" /proc/interrupts)"
else
  # The PL011 UART's line, which its driver requests as shared.
  irq=$(grep uart-pl011 /proc/interrupts | head -n 1 | cut -d: -f1 | tr -d ' ')
  [ -n "$irq" ] || fail "no uart-pl011 line in /proc/interrupts: $(cat /proc/interrupts)"
fi
out=$(modprobe dummy-irq irq=$irq 2>&1) || fail "modprobe dummy-irq irq=$irq: $out"
line=$(grep "^ *$irq:" /proc/interrupts)
assert_contains "$line" "dummy_irq" "/proc/interrupts line of IRQ $irq"
echo "dummy-irq on IRQ $irq: $line"
modprobe -r dummy-irq || fail "modprobe -r dummy-irq"
grep -q dummy_irq /proc/interrupts && fail "dummy_irq still in /proc/interrupts after modprobe -r"
true
