#!/bin/sh
# Times the userland suite's QEMU user-mode runs for one arch with -j 1 and
# -j 2 (target: under 60 s). The programs must be built: lkmc build --arch
# ARCH userland. Usage: bench/userland_suite.sh [ARCH] [LKMC]
arch=${1:-aarch64}
lkmc=${2:-$(dirname "$0")/../target/release/lkmc}
for j in 1 2; do
  start=$(date +%s.%N)
  summary=$("$lkmc" test --arch "$arch" --suite userland -j "$j" 'user-mode/*' | tail -n 1)
  end=$(date +%s.%N)
  printf '%s user-mode -j %s: %.1f s (%s)\n' "$arch" "$j" "$(echo "$end - $start" | bc)" "$summary"
done
