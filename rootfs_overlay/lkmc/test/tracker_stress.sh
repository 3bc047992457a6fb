# tracker under load: 1024 tracked threads (ase_stress: concurrent writers
# and readers while half of the threads exit), plus shell loops that read all
# files and track short-lived processes; then rmmod while tasks are tracked and
# readers run. With kmemleak (debug kernel), nothing the tracker allocated may
# leak.
S=/lkmc/userland/tracker/ase_stress.out
[ -x $S ] || fail "missing $S"
KML=/sys/kernel/debug/kmemleak
[ -e $KML ] && echo clear > $KML

load tracker check_ms=10
# Where the module lives, to recognise its addresses in kmemleak backtraces.
set -- $(awk '$1 == "tracker" { print $2, $6 }' /proc/modules)
size=${1:-0} base=${2:-0}

stop=/tmp/ase_stress_stop
rm -f $stop
: > /tmp/ase_stress.log
# Readers: every file of /proc/ase, again and again.
(while [ ! -e $stop ]; do cat /proc/ase/* > /dev/null 2>&1; done) & readers=$!
# Writers: track short-lived processes, untrack some, let them exit.
(i=0
 while [ ! -e $stop ]; do
   sleep 10 & p=$!
   echo $p > /proc/ase_cmd
   i=$((i + 1))
   [ $((i % 3)) -eq 0 ] && echo -$p > /proc/ase_cmd
   kill $p; wait $p
 done 2>/dev/null) & writers=$!

$S -n 1024 -w 4 -r 4 -t 3000 -k > /tmp/ase_stress.log 2>&1 & stress=$!
n=0
until grep -q -e READY -e 'RESULT fail' /tmp/ase_stress.log; do
  kill -0 $stress 2>/dev/null || break
  [ $n -ge 300 ] && break
  usleep 100000; n=$((n + 1))
done
cat /tmp/ase_stress.log
grep -q 'RESULT ok' /tmp/ase_stress.log || { touch $stop; kill $stress; fail "ase_stress failed"; }
entries=$(ls /proc/ase 2>/dev/null | wc -l)
[ "$entries" -ge 512 ] || fail "only $entries entries before rmmod"
echo "$entries entries tracked at rmmod"

# Unload while tracking, readers and writers still running.
unload tracker
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
