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
