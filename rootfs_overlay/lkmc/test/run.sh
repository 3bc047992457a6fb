#!/bin/sh
# Runs the guest tests and reports them as KTAP on the console.
# Usage: run.sh [PATTERN...]   (shell patterns on test names; none = all)
# Each test is /lkmc/test/NAME.sh; crash tests live in /lkmc/test/crash and are
# run by the host, one boot each.
cd /lkmc/test || exit 1
# Keep module messages off the console so they do not split KTAP lines.
dmesg -n 1
# A per-test timeout only guards against hangs: it is not a speed check. The
# debug kernel (KASAN, kmemleak, lockdep) is many times slower, more so on a
# loaded host (one module load took 36 s there), so it gets six times more.
# Each test reports the time it took.
if [ -e /sys/kernel/debug/kmemleak ] || zcat /proc/config.gz 2>/dev/null | grep -qE '^CONFIG_(KASAN|PROVE_LOCKING)=y'; then
  debug_kernel=1
  timeout_s=${lkmc_test_timeout:-1800}
else
  debug_kernel=
  timeout_s=${lkmc_test_timeout:-300}
fi
# Any of these in the kernel log fails the test that was running: warnings
# (WARN_ON, lockdep's "WARNING: possible circular locking ..."), BUG: lines
# (KASAN, atomic sleep, bad spinlock, scheduling while atomic, ...), oopses,
# kmemleak, RCU and list debugging, hung tasks, stalls, unhandled IRQs.
# A test that expects a report says so in a line of its own script:
#   # expect-kernel-report: EXTENDED_REGEX
# and only the report lines that match it are then allowed (if one of them
# shows up, new taint flags are allowed too).
kernel_reports='WARNING:|BUG:|KASAN|suspected memory leak|unreferenced object|lockdep|DEBUG_LOCKS_WARN_ON|possible circular locking|possible recursive locking|inconsistent lock state|suspicious RCU usage|sleeping function called from invalid context|scheduling while atomic|list_add corruption|list_del corruption|Oops|Internal error|Unable to handle kernel|general protection fault|Kernel panic|kernel BUG|blocked for more than|rcu.*self-detected stall|rcu.*detected stalls|soft lockup|hard LOCKUP|nobody cared|Disabling IRQ #|UBSAN|refcount_t:|------------\[ cut here \]'
# Taint flags that a report sets (compared before and after each test):
# D (128, oops), W (512, warning), B (32, bad page: KASAN), L (16384, soft
# lockup).
taint_mask=$((128 | 512 | 32 | 16384))

tests=
for f in *.sh; do
  name=${f%.sh}
  [ "$name" = lib ] && continue
  [ "$name" = run ] && continue
  if [ $# -gt 0 ]; then
    keep=
    for pat in "$@"; do
      case "$name" in $pat) keep=1 ;; esac
    done
    [ -n "$keep" ] || continue
  fi
  tests="$tests $name"
done
count=0
for t in $tests; do count=$((count + 1)); done
echo "KTAP version 1"
echo "1..$count"
i=0
failed=0
for t in $tests; do
  i=$((i + 1))
  dmesg -c >/dev/null
  taint0=$(cat /proc/sys/kernel/tainted)
  start=$(cut -d' ' -f1 /proc/uptime)
  timeout "$timeout_s" sh -c ". /lkmc/test/lib.sh; cd /lkmc; . /lkmc/test/$t.sh" > /tmp/test.out 2>&1
  status=$?
  end=$(cut -d' ' -f1 /proc/uptime)
  taint1=$(cat /proc/sys/kernel/tainted)
  sed 's/^/# /' /tmp/test.out
  took=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }')
  # The first line is what lkmc's KTAP reader takes the duration from.
  echo "# $t: duration ${start}..${end}"
  echo "# $t: took ${took} s (timeout ${timeout_s} s${debug_kernel:+, debug kernel})"
  # Kernel reports fail the test that caused them, whatever the test said,
  # unless the test expects them.
  allowed=$(sed -n 's/^# expect-kernel-report: //p' "$t.sh")
  dmesg > /tmp/test.dmesg
  expected=
  if [ -n "$allowed" ]; then
    reports=$(grep -E "$kernel_reports" /tmp/test.dmesg | grep -vE "$allowed")
    grep -qE "$allowed" /tmp/test.dmesg && expected=1
  else
    reports=$(grep -E "$kernel_reports" /tmp/test.dmesg)
  fi
  new_taint=$(( (taint1 & ~taint0) & taint_mask ))
  if [ -n "$reports" ] || { [ "$new_taint" -ne 0 ] && [ -z "$expected" ]; }; then
    echo "# $t: the kernel reported a problem (taint $taint0 -> $taint1):"
    if [ -n "$reports" ]; then
      first=$(echo "$reports" | head -n 1)
      grep -F -A12 -- "$first" /tmp/test.dmesg | head -n 24 | sed 's/^/#   /'
    fi
    [ $status -eq 0 ] || [ $status -eq 77 ] && status=1
  fi
  if [ $status -eq 0 ]; then
    echo "ok $i $t"
  elif [ $status -eq 77 ]; then
    echo "ok $i $t # SKIP $(grep '^SKIP:' /tmp/test.out | head -n 1 | cut -c7-)"
  else
    [ $status -eq 143 ] && echo "# $t: timed out after ${timeout_s} s (a hang guard)"
    echo "# kernel log of $t:"
    tail -n 30 /tmp/test.dmesg | sed 's/^/#   /'
    echo "not ok $i $t # exit status $status"
    failed=$((failed + 1))
  fi
done
[ $failed -eq 0 ]
