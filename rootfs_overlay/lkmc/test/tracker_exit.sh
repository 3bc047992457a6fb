# tracker: the course's own example. Once a tracked task has exited,
# `cat /proc/ase/<pid>` fails with "No such file or directory" (ENOENT) at
# once, whatever the reaper's period, and a file that was open before the
# exit reads ENOENT, never EIO, until it is closed. Busybox cat first tries
# sendfile, then read: both must say ENOENT.
RACE=/lkmc/userland/tracker/ase_race.out
[ -x $RACE ] || fail "missing $RACE"
stamp() { echo "[$(cut -d' ' -f1 /proc/uptime)] $*"; }
# 300 rounds at the default check_ms, 60 at the others; a third of that on
# the debug kernel (KASAN makes every fork slow).
if [ -e /sys/kernel/debug/kmemleak ]; then div=3; else div=1; fi

# cat_rounds N: N times: track a sleeping process, open its file on fd 3,
# kill and reap it, then `cat` the file by name and `cat` fd 3; both must
# fail with ENOENT. After fd 3 is closed, the file must go.
cat_rounds() {
  r=0
  while [ $r -lt "$1" ]; do
    r=$((r + 1))
    sleep 1000 & p=$!
    echo $p > /proc/ase_cmd || fail "round $r: track $p"
    exec 3< /proc/ase/$p || fail "round $r: open /proc/ase/$p"
    { kill $p; wait $p; } 2>/dev/null
    out=$(cat /proc/ase/$p 2>&1) && fail "round $r: cat /proc/ase/$p after the exit succeeded: $out"
    case "$out" in
      *"No such file or directory"*) ;;
      *) fail "round $r: cat /proc/ase/$p after the exit: '$out', not ENOENT" ;;
    esac
    out=$(cat <&3 2>&1) && fail "round $r: cat of the file opened before the exit succeeded: $out"
    case "$out" in
      *"No such file or directory"*) ;;
      *) fail "round $r: cat of /proc/ase/$p opened before the exit: '$out', not ENOENT" ;;
    esac
    exec 3<&-
  done
  # The last one: its file goes once closed.
  n=0
  while [ -e /proc/ase/$p ]; do
    [ $n -ge 200 ] && fail "/proc/ase/$p still there 2 s after the last close"
    usleep 10000; n=$((n + 1))
  done
}

for ms in 60000 100 1; do
  load tracker check_ms=$ms
  if [ $ms = 100 ]; then rounds=$((300 / div)); else rounds=$((60 / div)); fi
  t0=$(cut -d' ' -f1 /proc/uptime)
  cat_rounds $rounds
  t1=$(cut -d' ' -f1 /proc/uptime)
  stamp "check_ms=$ms: $rounds rounds of cat after the exit: ENOENT every time (${t0}..${t1})"
  out=$($RACE hold -n 10 -h $((ms < 1000 ? 3 * ms + 20 : 50))) || { echo "$out"; fail "ase_race hold, check_ms=$ms"; }
  echo "check_ms=$ms: $out"
  if [ "$ms" -lt 1000 ]; then
    # The reaper's removal races the readers.
    out=$($RACE race -n $rounds) || { echo "$out"; fail "ase_race race, check_ms=$ms"; }
    echo "check_ms=$ms: $out"
  fi
  left=$(ls /proc/ase)
  [ -z "$left" ] || fail "files left in /proc/ase: $left"
  unload tracker
done
if dmesg | grep -E 'BUG|WARNING|KASAN|lockdep|circular locking|Call Trace'; then
  fail "kernel warnings"
fi
true
