#!/usr/bin/env bash
# Measures what users wait for, per arch, on this machine:
#   dry_run      lkmc run --dry-run (median of 50)
#   noop_build   lkmc build with nothing changed (median of 5)
#   boot_eval    lkmc run --eval true: boot to a guest command and back (median of 5)
#   module_loop  touch a module source, lkmc build, lkmc run --eval 'insmod it' (median of 3)
#   clean_build  rm the kernel build, lkmc build + lkmc run --eval true (once; only with CLEAN=1)
# Usage: bench/bench.sh [ARCH...]   (default: x86_64 arm aarch64)
# Env: LKMC=path to lkmc (default target/release/lkmc), UPSTREAM=path to an
# upstream LKMC checkout to time its ./run --dry-run side by side.
set -euo pipefail
cd "$(dirname "$0")/.."
LKMC=${LKMC:-target/release/lkmc}
archs=("$@")
[ ${#archs[@]} -gt 0 ] || archs=(x86_64 arm aarch64)

now() { date +%s.%N; }
# median N CMD...: runs CMD N times, prints the median wall time in seconds.
median() {
  local n=$1; shift
  local times=()
  for _ in $(seq "$n"); do
    local t0; t0=$(now)
    "$@" > /dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }
    times+=("$(echo "$(now) - $t0" | bc -l)")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {printf "%.3f", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'
}

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -r)"
echo "qemu: $(qemu-system-x86_64 --version | head -n1)"
printf '%-8s %-12s %s\n' arch metric seconds
for arch in "${archs[@]}"; do
  "$LKMC" build -q --arch "$arch" > /dev/null
  printf '%-8s %-12s %s\n' "$arch" dry_run "$(median 50 "$LKMC" run --dry-run --arch "$arch")"
  printf '%-8s %-12s %s\n' "$arch" noop_build "$(median 5 "$LKMC" build -q --arch "$arch")"
  printf '%-8s %-12s %s\n' "$arch" boot_eval "$(median 5 "$LKMC" run -q --arch "$arch" --eval true)"
  module_loop() {
    touch kernel_modules/hello.c
    "$LKMC" build -q --arch "$arch"
    "$LKMC" run -q --arch "$arch" --eval 'insmod hello.ko'
  }
  printf '%-8s %-12s %s\n' "$arch" module_loop "$(median 3 module_loop)"
  if [ "${CLEAN:-0}" = 1 ]; then
    rm -rf "$("$LKMC" getvar --arch "$arch" linux_build_dir)"
    clean() { "$LKMC" build -q --arch "$arch" && "$LKMC" run -q --arch "$arch" --eval true; }
    printf '%-8s %-12s %s\n' "$arch" clean_build "$(median 1 clean)"
  fi
done
if [ -n "${UPSTREAM:-}" ]; then
  printf '%-8s %-12s %s\n' x86_64 upstream_dry_run "$(cd "$UPSTREAM" && median 10 ./run --dry-run)"
fi
