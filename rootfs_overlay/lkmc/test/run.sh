#!/bin/sh
# Runs the guest tests and reports them as KTAP on the console.
# Usage: run.sh [PATTERN...]   (shell patterns on test names; none = all)
# Each test is /lkmc/test/NAME.sh; crash tests live in /lkmc/test/crash and are
# run by the host, one boot each.
cd /lkmc/test || exit 1
# Keep module messages off the console so they do not split KTAP lines.
dmesg -n 1
timeout_s=${lkmc_test_timeout:-60}
debug_reports='BUG: KASAN|possible circular locking|possible recursive locking|inconsistent lock state|BUG: sleeping function|suspicious RCU usage|unreferenced object|BUG: spinlock|list_add corruption|list_del corruption'

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
  start=$(cut -d' ' -f1 /proc/uptime)
  timeout "$timeout_s" sh -c ". /lkmc/test/lib.sh; cd /lkmc; . /lkmc/test/$t.sh" > /tmp/test.out 2>&1
  status=$?
  end=$(cut -d' ' -f1 /proc/uptime)
  sed 's/^/# /' /tmp/test.out
  echo "# $t: duration ${start}..${end}"
  # Kernel debugging reports (KASAN, lockdep, kmemleak, RCU, atomic sleep)
  # fail the test that caused them, whatever the test itself said.
  if [ $status -eq 0 ] && dmesg | grep -qE "$debug_reports"; then
    echo "# $t: the kernel reported a bug:"
    dmesg | grep -E -A3 "$debug_reports" | head -n 20 | sed 's/^/#   /'
    status=1
  fi
  if [ $status -eq 0 ]; then
    echo "ok $i $t"
  elif [ $status -eq 77 ]; then
    echo "ok $i $t # SKIP $(grep '^SKIP:' /tmp/test.out | head -n 1 | cut -c7-)"
  else
    [ $status -eq 143 ] && echo "# $t: timed out after ${timeout_s}s"
    echo "# kernel log of $t:"
    dmesg | tail -n 30 | sed 's/^/#   /'
    echo "not ok $i $t # exit status $status"
    failed=$((failed + 1))
  fi
done
[ $failed -eq 0 ]
