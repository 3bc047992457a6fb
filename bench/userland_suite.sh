#!/bin/sh
# Times the userland suite's QEMU user-mode runs for one arch with -j 1 and
# -j 2 (target: under 60 s). The programs must be built: lkmc build --arch
# ARCH userland. Usage: bench/userland_suite.sh [ARCH] [LKMC]
# Exits non-zero when a run had failures: a broken suite's time means nothing.
arch=${1:-aarch64}
lkmc=${2:-$(dirname "$0")/../target/release/lkmc}
status=0
# The machine may be shared: the load says how much the numbers are worth.
echo "load average: $(cut -d ' ' -f 1-3 /proc/loadavg), $(nproc) CPUs"
for j in 1 2; do
  start=$(date +%s.%N)
  out=$("$lkmc" test --arch "$arch" --suite userland -j "$j" 'user-mode/*' 2>&1)
  rc=$?
  end=$(date +%s.%N)
  summary=$(printf '%s\n' "$out" | tail -n 1)
  printf '%s user-mode -j %s: %.1f s (%s)\n' "$arch" "$j" "$(echo "$end - $start" | bc)" "$summary"
  if [ "$rc" -ne 0 ]; then
    printf '%s\n' "$out" | grep -A 3 '^not ok' >&2
    status=1
  fi
done
exit "$status"
