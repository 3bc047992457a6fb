# tracker: writing a PID to /proc/ase_cmd creates /proc/ase/<pid>, which reads
# "pid=<pid> runtime_ns=<ns> cpu=<cpu>"; -<pid> stops tracking; exited tasks'
# files go away by themselves. Every bad input fails with its errno.
W=/lkmc/userland/tracker/ase_write.out
R=/lkmc/userland/tracker/ase_read.out
[ -x $W ] && [ -x $R ] || fail "missing $W or $R"
ncpu=$(ls -d /sys/devices/system/cpu/cpu[0-9]* | wc -l)
nl='
'

# expect ERRNO STRING: writing STRING to /proc/ase_cmd prints ERRNO (or OK).
expect() {
  assert_eq "$1" "$($W "$2")" "write '$2'"
}

# wait_gone FILE: exited tasks' files must go within 1 s (check_ms=20).
wait_gone() {
  n=0
  while [ -e "$1" ]; do
    [ $n -ge 100 ] && fail "$1 still there after 1 s"
    usleep 10000
    n=$((n + 1))
  done
}

# read_entry PID: parse /proc/ase/PID into $rt and $cpu, failing on any
# format error.
read_entry() {
  line=$(cat /proc/ase/$1) || fail "cat /proc/ase/$1"
  rt=${line#pid=$1 runtime_ns=}
  cpu=${rt#* cpu=}
  rt=${rt%% *}
  case "$line" in "pid=$1 runtime_ns=$rt cpu=$cpu") ;; *) fail "format: '$line'" ;; esac
  case "$rt" in '' | *[!0-9]*) fail "runtime_ns not a number: '$line'" ;; esac
  case "$cpu" in '' | *[!0-9]*) fail "cpu not a number: '$line'" ;; esac
  [ "$cpu" -lt "$ncpu" ] || fail "cpu $cpu >= $ncpu CPUs: '$line'"
}

not_listed() {
  for f in $(ls /proc/ase); do [ "$f" = "$1" ] && fail "$1 still listed in /proc/ase"; done
}

# Lazy check on open: with a reaper period of 60 s, only open() can notice.
load tracker check_ms=60000
[ -f /proc/ase_cmd ] || fail "no /proc/ase_cmd"
[ -d /proc/ase ] || fail "no /proc/ase directory"
assert_eq "" "$(ls /proc/ase)" "/proc/ase after load"
sleep 100 & s=$!
expect OK $s
[ -f /proc/ase/$s ] || fail "no /proc/ase/$s"
kill $s; wait $s
[ -e /proc/ase/$s ] || fail "/proc/ase/$s gone before the reaper period"
assert_eq "open ENOENT" "$($R /proc/ase/$s)" "open of exited task"
# The failed open woke the reaper.
wait_gone /proc/ase/$s
not_listed $s
echo "lazy: open of exited $s failed with ENOENT, file removed"

# Unload while tracking frees everything (kmemleak checks in tracker_stress).
sleep 100 & s=$!
expect OK $s
unload tracker
[ -e /proc/ase_cmd ] && fail "/proc/ase_cmd left after rmmod"
[ -e /proc/ase ] && fail "/proc/ase left after rmmod"
kill $s; wait $s

load tracker check_ms=20
sleep 100 & s=$!
sh -c 'while :; do :; done' & busy=$!
# A zombie: the child of a parent that never waits.
rm -f /tmp/ase_zchild
sh -c 'sleep 100 & echo $! > /tmp/ase_zchild; exec sleep 100' & zparent=$!
while [ ! -s /tmp/ase_zchild ]; do usleep 10000; done
zchild=$(cat /tmp/ase_zchild)

expect OK $s
[ -f /proc/ase/$s ] || fail "no /proc/ase/$s"
assert_eq 1 "$(wc -l < /proc/ase/$s)" "lines in /proc/ase/$s"
read_entry $s
echo "format: $(cat /proc/ase/$s)"
expect EEXIST $s
assert_eq "$s" "$(ls /proc/ase)" "listing after tracking $s twice"
out=$( (echo $s > /proc/ase_cmd) 2>&1) && fail "echo of a tracked PID succeeded"
assert_contains "$out" "File exists" "echo error"

# Bad input; nothing may change.
sh -c 'exit 0' & dead=$!; wait $dead
expect EINVAL 0
expect EINVAL -0
expect EINVAL ""
expect EINVAL "$nl"
expect EINVAL abc
expect EINVAL "${s}abc"
expect EINVAL " $s"
expect EINVAL "$s$nl$nl"
expect EINVAL 0x10
expect EINVAL ++$s
expect EINVAL "$(printf '%032d' $s)"
expect EINVAL "$(printf '%0100d' 1)"
expect ERANGE 2147483648
expect ERANGE 99999999999999999999
expect ERANGE -2147483648
expect ERANGE -99999999999
expect ESRCH $dead
expect ESRCH 2147483647
expect ENOENT -$dead
expect ENOENT -$busy
out=$( (echo abc > /proc/ase_cmd) 2>&1) && fail "echo abc succeeded"
assert_contains "$out" "Invalid argument" "echo abc error"
out=$( (echo $dead > /proc/ase_cmd) 2>&1) && fail "echo of a dead PID succeeded"
assert_contains "$out" "No such process" "echo dead PID error"
# Accepted forms: newline, sign, leading zeros.
expect OK "$busy$nl"
expect OK -$busy
expect OK +$busy
expect OK "-$(printf '%030d' $busy)"
assert_eq "$s" "$(ls /proc/ase)" "listing after bad writes"

# Runtime grows while a task runs.
expect OK $busy
read_entry $busy; rt1=$rt
usleep 300000
read_entry $busy; rt2=$rt
[ "$rt2" -gt "$rt1" ] || fail "runtime of busy $busy did not grow: $rt1 -> $rt2"
echo "busy: runtime_ns $rt1 -> $rt2"

# -pid removes the file at once, the task lives on.
expect OK -$busy
[ -e /proc/ase/$busy ] && fail "/proc/ase/$busy left after -$busy"
kill -0 $busy || fail "busy task died"
expect ENOENT -$busy
expect OK $busy

# A zombie counts as exited.
kill $zchild
n=0
until grep -q '^State:.*Z' /proc/$zchild/status; do
  [ $n -ge 100 ] && fail "$zchild did not become a zombie"
  usleep 10000; n=$((n + 1))
done
expect ESRCH $zchild
kill $zparent; wait $zparent
sleep 100 & z=$!
expect OK $z
kill -STOP $z
read_entry $z
# Exit without anyone reading: the reaper removes the file.
kill $s; wait $s
wait_gone /proc/ase/$s
not_listed $s
assert_eq "open ENOENT" "$($R /proc/ase/$s)" "read after exit"
out=$(cat /proc/ase/$s 2>&1) && fail "cat after exit succeeded: $out"
assert_contains "$out" "No such file or directory" "cat after exit"
expect ENOENT -$s
echo "exit: /proc/ase/$s removed"

# Unload with two tracked tasks, one stopped.
assert_eq 2 "$(ls /proc/ase | wc -l)" "entries before rmmod"
unload tracker
[ -e /proc/ase ] && fail "/proc/ase left after rmmod"
kill $busy; kill -9 $z
wait $busy; wait $z
if dmesg | grep -E 'BUG|WARNING|KASAN|lockdep|circular locking|Call Trace'; then
  fail "kernel warnings"
fi
true
