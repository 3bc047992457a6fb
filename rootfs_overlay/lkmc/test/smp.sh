# SMP: the guest sees every CPU that lkmc gave it (`lkmc test --cpus N`,
# passed as lkmc_cpus), and each one runs.
[ -n "$lkmc_cpus" ] || skip "lkmc_cpus unset: run by lkmc test, which passes its --cpus"
assert_eq "$lkmc_cpus" "$(nproc)" "nproc"
assert_eq "$lkmc_cpus" "$(grep -c '^cpu[0-9]' /proc/stat)" "CPUs in /proc/stat"
# Every CPU has spent time: its user + system + idle ticks are not all zero.
for c in $(grep '^cpu[0-9]' /proc/stat | cut -d' ' -f1); do
  set -- $(grep "^$c " /proc/stat)
  [ $(($2 + $4 + $5)) -gt 0 ] || fail "$c never ran: $(grep "^$c " /proc/stat)"
done
echo "nproc = $(nproc), online: $(cat /sys/devices/system/cpu/online)"
