# tracker under load: 1024 tracked threads (ase_stress: concurrent writers
# and readers while half of the threads exit), plus shell loops that read all
# files and track short-lived processes; then rmmod while tasks are tracked and
# readers run. With kmemleak (debug kernel), nothing the tracker allocated may
# leak.
# kmemleak also finds objects that other kernel code leaked (or keeps in
# places it cannot scan); this test judges those itself, blaming the tracker
# only for objects allocated from its code, so run.sh lets that line pass:
# expect-kernel-report: kmemleak: [0-9]+ new suspected memory leaks
S=/lkmc/userland/tracker/ase_stress.out
[ -x $S ] || fail "missing $S"
KML=/sys/kernel/debug/kmemleak
# Progress with the uptime, to see where the time goes.
stamp() { echo "[$(cut -d' ' -f1 /proc/uptime)] $*"; }
[ -e $KML ] && echo clear > $KML

load tracker check_ms=10
stamp "loaded"
# Where the module lives, to recognise its addresses in kmemleak backtraces.
set -- $(awk '$1 == "tracker" { print $2, $6 }' /proc/modules)
size=${1:-0} base=${2:-0}

stop=/tmp/ase_stress_stop
rm -f $stop
: > /tmp/ase_stress.log
$S -n 1024 -w 4 -r 4 -t 3000 -k > /tmp/ase_stress.log 2>&1 & stress=$!
# wait_log TEXT: until ase_stress prints TEXT, fails or 30 s pass.
wait_log() {
  n=0
  until grep -q -e "$1" -e 'RESULT fail' /tmp/ase_stress.log; do
    kill -0 $stress 2>/dev/null || break
    [ $n -ge 300 ] && break
    usleep 100000; n=$((n + 1))
  done
}
# Start the loops once the threads are tracked, so that they run during the
# churn and the exits (and do not slow down starting 1024 threads).
wait_log 'entries listed'
# Two shell loops add load from outside ase_stress; the pauses keep them
# from starving it of CPU (on the KASAN kernel forks are slow).
# Readers: every file of /proc/ase, again and again.
(while [ ! -e $stop ]; do
   for f in /proc/ase/*; do read -r l < $f; done
   usleep 20000
 done 2>/dev/null) & readers=$!
# Writers: track short-lived processes, untrack some, let them exit.
(i=0
 while [ ! -e $stop ]; do
   sleep 10 & p=$!
   echo $p > /proc/ase_cmd
   i=$((i + 1))
   [ $((i % 3)) -eq 0 ] && echo -$p > /proc/ase_cmd
   kill $p; wait $p
   usleep 10000
 done 2>/dev/null) & writers=$!

wait_log READY
stamp "ase_stress ready"
cat /tmp/ase_stress.log
# bail MESSAGE: stop everything, unload, fail.
bail() {
  touch $stop; kill $stress 2>/dev/null; wait
  rmmod tracker 2>/dev/null
  fail "$*"
}
grep -q 'RESULT ok' /tmp/ase_stress.log || bail "ase_stress failed"
entries=$(ls /proc/ase 2>/dev/null | wc -l)
[ "$entries" -ge 512 ] || bail "only $entries entries before rmmod"
echo "$entries entries tracked at rmmod"

# Unload while tracking, readers and writers still running.
unload tracker
stamp "unloaded"
[ -e /proc/ase ] && fail "/proc/ase left after rmmod"
touch $stop
wait $readers; wait $writers
kill $stress; wait $stress

if dmesg | grep -E 'BUG|WARNING|KASAN|lockdep|circular locking|Call Trace'; then
  fail "kernel warnings"
fi

if [ -e $KML ]; then
  # Cached dentries of removed files keep their inode, and the inode its
  # proc_dir_entry, whose data pointer would hide a leaked entry: drop them.
  echo 2 > /proc/sys/vm/drop_caches
  # kmemleak only reports objects older than 5 s, and only once their
  # content stopped changing between two scans: scan twice.
  sleep 5
  echo scan > $KML
  echo scan > $KML
  stamp "kmemleak scanned"
  leaks=$(cat $KML)
  [ -n "$leaks" ] && echo "kmemleak report (first lines): $(echo "$leaks" | head -n 30)"
  # Blame the tracker for objects allocated from its code: a backtrace
  # entry named [tracker] while it was loaded, or, once it is gone, a raw
  # address inside the memory the module occupied.
  bad= nbad=0
  echo "$leaks" | grep -o '\] .*' > /tmp/ase_kmemleak
  while read -r _ sym; do
    case "$sym" in
      *'[tracker]'*) ;;
      0x*)
        [ $((base)) -ne 0 ] && [ $((sym)) -ge $((base)) ] &&
          [ $((sym)) -lt $((base + size)) ] || continue ;;
      *) continue ;;
    esac
    nbad=$((nbad + 1))
    [ $nbad -le 3 ] && bad="$bad $sym"
  done < /tmp/ase_kmemleak
  [ $nbad -eq 0 ] || fail "kmemleak: $nbad backtrace entries in tracker, e.g.$bad"
  echo "kmemleak: nothing from tracker (module was at $base, $size bytes)"
fi
true
