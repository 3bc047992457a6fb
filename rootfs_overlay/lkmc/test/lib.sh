# Helpers sourced by the guest tests in /lkmc/test/*.sh.
# A test is a shell script: exit 0 = pass, exit 77 = skip (print why), anything else = fail.
# Print what you checked; the runner shows the output of failed tests.

fail() { echo "FAIL: $*"; exit 1; }
skip() { echo "SKIP: $*"; exit 77; }

# assert_eq EXPECTED ACTUAL [WHAT]
assert_eq() {
  [ "$1" = "$2" ] || fail "${3:-value}: expected '$1', got '$2'"
}

# assert_contains HAYSTACK NEEDLE [WHAT]
assert_contains() {
  case "$1" in
    *"$2"*) ;;
    *) fail "${3:-output}: '$2' not found in: $1" ;;
  esac
}

# assert_fails CMD...: CMD must exit non-zero.
assert_fails() {
  if "$@" 2>/dev/null; then fail "expected failure: $*"; fi
}

# Kernel log lines printed since the last dmesg_clear.
dmesg_clear() { dmesg -c >/dev/null; }
kmsg() { dmesg; }

# wait_for_dmesg NEEDLE [SECONDS]: poll the kernel log until NEEDLE shows up.
wait_for_dmesg() {
  n=0
  while [ "$n" -lt "$(( ${2:-5} * 10 ))" ]; do
    dmesg | grep -q -- "$1" && return 0
    usleep 100000
    n=$((n + 1))
  done
  fail "'$1' not in dmesg after ${2:-5}s: $(dmesg | tail -n 5)"
}

# Load a module from /lkmc, failing the test with the error if insmod fails.
load() {
  mod=$1; shift
  out=$(insmod "/lkmc/$mod.ko" "$@" 2>&1) || fail "insmod $mod.ko $*: $out"
}
unload() {
  out=$(rmmod "$1" 2>&1) || fail "rmmod $1: $out"
}

# The guest arch, as lkmc names it: x86_64, arm or aarch64.
lkmc_arch() {
  case "$(uname -m)" in
    x86_64) echo x86_64 ;;
    aarch64) echo aarch64 ;;
    arm*) echo arm ;;
    *) uname -m ;;
  esac
}

# wait_lines PATTERN N: poll dmesg every 10 ms, up to 5 s, for N matching lines.
wait_lines() {
  i=0
  while [ "$(dmesg | grep -c -- "$1")" -lt "$2" ]; do
    i=$((i + 1))
    [ "$i" -le 500 ] || fail "$(dmesg | grep -c -- "$1") of $2 lines '$1' after 5s"
    usleep 10000
  done
}

# threads NAME_REGEX: how many tasks have a matching name.
threads() { cat /proc/[0-9]*/comm 2>/dev/null | grep -cE "^($1)\$"; }

# assert_quiet_after_rmmod PATTERN: no new matching kernel log lines appear.
assert_quiet_after_rmmod() {
  n=$(dmesg | grep -c -- "$1")
  usleep 50000
  assert_eq "$n" "$(dmesg | grep -c -- "$1")" "lines printed after rmmod"
}

# context_of FILE NAME: the line of NAME in a /sys/kernel/debug/*_context
# file (see kernel_modules/lkmc_context.h), e.g.
# "timer calls=12 task=0 softirq=12 hardirq=0 kthread=0 wq_worker=0 this_work=0 comm=swapper/0".
context_of() {
  [ -r "$1" ] || fail "no $1"
  grep "^$2 " "$1"
}
# context_field LINE KEY: the value of KEY in a context line.
context_field() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }

# assert_context FILE NAME KEY=VALUE...: VALUE 'all' means every call, 0
# none, anything else the exact value (comm=kworker/* is a shell pattern).
assert_context() {
  f=$1 n=$2; shift 2
  line=$(context_of "$f" "$n") || fail "no context line '$n' in $f: $(cat "$f")"
  calls=$(context_field "$line" calls)
  [ "${calls:-0}" -gt 0 ] || fail "$n: no call recorded: $line"
  for kv in "$@"; do
    k=${kv%%=*} v=${kv#*=}
    got=$(context_field "$line" "$k")
    [ "$v" = all ] && v=$calls
    case "$got" in
      $v) ;;
      *) fail "$n: $k=$got, expected $v (of $calls calls): $line" ;;
    esac
  done
  echo "context: $line"
}

# pid_of COMM: the pid of the (first) task named COMM.
pid_of() {
  for d in /proc/[0-9]*; do
    [ "$(cat $d/comm 2>/dev/null)" = "$1" ] && { echo ${d#/proc/}; return 0; }
  done
  return 1
}

# task_state PID: R, S, D, ... (field 3 of /proc/PID/stat).
task_state() { cut -d' ' -f3 /proc/$1/stat 2>/dev/null; }

# assert_sleeping COMM: the task named COMM is seen in interruptible sleep
# (S) at 10 checks 20 ms apart: not running (R: a busy wait) and not in
# uninterruptible sleep (D).
assert_sleeping() {
  p=$(pid_of "$1") || fail "no task $1"
  states= k=0
  while [ $k -lt 10 ]; do
    states="$states$(task_state $p)"
    usleep 20000
    k=$((k + 1))
  done
  [ "$states" = SSSSSSSSSS ] || fail "$1 ($p) states over 0.2 s: $states, expected S only"
  echo "$1: interruptible sleep (S) at 10 of 10 checks"
}

# unload_within MODULE SECONDS: rmmod must return within SECONDS (a
# decimal), e.g. because it wakes a thread that sleeps a long period. The
# tests load a 10 s period and allow 5 s: a module that waits its period out
# takes up to 10, and a busy host stretches the guest's clock under a good
# rmmod (1.4 s seen on 2 cores with a build beside QEMU).
unload_within() {
  t0=$(cut -d' ' -f1 /proc/uptime)
  unload "$1"
  t1=$(cut -d' ' -f1 /proc/uptime)
  awk -v s="$t0" -v e="$t1" -v m="$2" 'BEGIN { exit !(e - s <= m) }' ||
    fail "rmmod $1 took ${t0}..${t1} s, more than $2 s"
  echo "rmmod $1 took $(awk -v s="$t0" -v e="$t1" 'BEGIN { printf "%.2f", e - s }') s"
}
