# irq.ko: a second, shared (IRQF_SHARED) handler on the serial console's
# interrupt line counts its interrupts in /sys/kernel/debug/lkmc_irq/count.

if ! out=$(insmod /lkmc/irq.ko 2>&1); then
  case "$(dmesg)" in
    *"ret = -16"*)
      skip "the serial driver does not share its IRQ; x86 needs the kernel parameter 8250.share_irqs=1 or CONFIG_SERIAL_8250_SHARE_IRQ=y" ;;
  esac
  fail "insmod irq.ko: $out"
fi
irq=$(cat /sys/module/irq/parameters/irq)
# /proc/interrupts: "<irq>: <count per CPU> ... <handler names>"
line_count() {
  awk -v irq="$irq:" '$1 == irq { n = 0; for (i = 2; $i ~ /^[0-9]+$/; i++) n += $i; print n }' /proc/interrupts
}
grep -E "^ *$irq:.*lkmc_irq" /proc/interrupts | grep -qE 'ttyS0|uart-pl011' ||
  fail "lkmc_irq does not share the console's line: $(grep "^ *$irq:" /proc/interrupts)"
c=/sys/kernel/debug/lkmc_irq/count
before=$(cat $c)
total=$(line_count)
# Output makes the UART interrupt when its transmit FIFO drains. The line
# goes straight to the console, not to the test's captured output; it is a
# KTAP comment.
echo "# irq: writing to the console to make the UART interrupt" > /dev/console
i=0
while [ "$(cat $c)" -le "$before" ] && [ "$i" -lt 10 ]; do
  usleep 10000
  i=$((i + 1))
done
after=$(cat $c)
if [ "$after" -le "$before" ]; then
  # QEMU's PL011 never fills its FIFO, so Linux sends without interrupts:
  # make the line pending in the interrupt controller instead.
  echo "console output made no interrupt, raising irq $irq in the interrupt controller"
  echo 1 > /sys/kernel/debug/lkmc_irq/trigger ||
    fail "console output made no interrupt on line $irq and the controller cannot raise it"
  usleep 10000
  after=$(cat $c)
fi
echo "irq $irq: count $before -> $after"
[ "$after" -gt "$before" ] || fail "count did not grow: $before -> $after"
[ "$(line_count)" -gt "$total" ] || fail "/proc/interrupts did not count the interrupt"
d=/sys/kernel/debug/lkmc_irq
# Every call came from the interrupt, in hard interrupt context.
assert_eq "$(cat $c)" "$(cat $d/hardirq)" "handler calls in hard IRQ context (of $(cat $c))"
if echo 1 > $d/trigger 2>/dev/null; then
  # The controller can raise the line: 100000 interrupts of our own, each
  # answered IRQ_HANDLED. Answered IRQ_NONE, they would make the kernel
  # disable the line ("nobody cared"), and the console with it.
  r0=$(cat $d/raised) h0=$(cat $d/handled) c0=$(cat $c) t0=$(line_count)
  echo 100000 > $d/trigger || fail "raising 100000 interrupts"
  assert_eq $((r0 + 100000)) "$(cat $d/raised)" "interrupts raised"
  assert_eq $((h0 + 100000)) "$(cat $d/handled)" "interrupts answered IRQ_HANDLED"
  [ $(($(cat $c) - c0)) -ge 100000 ] || fail "handler ran $(($(cat $c) - c0)) times for 100000 interrupts"
  [ $(($(line_count) - t0)) -ge 100000 ] || fail "/proc/interrupts counted $(($(line_count) - t0)) of 100000"
  dmesg | grep -E 'nobody cared|Disabling IRQ' && fail "the kernel disabled irq $irq"
  echo 1 > $d/trigger || fail "irq $irq no longer delivered after 100000"
  assert_eq "$(cat $c)" "$(cat $d/hardirq)" "handler calls in hard IRQ context (of $(cat $c))"
  echo "irq $irq: 100000 raised, all handled, line still enabled"
fi
unload irq
grep -q lkmc_irq /proc/interrupts && fail "lkmc_irq still in /proc/interrupts after rmmod"
[ -e $c ] && fail "$c still exists after rmmod"
true
