#!/bin/sh
# A one-node Slurm cluster on this machine, for `lkmc sweep --executor slurm`
# and `lkmc test --executor slurm`: munged, slurmctld and slurmd started in
# the background with their own pid, state and log files (no systemd), a
# generated slurm.conf with NodeName=localhost CPUs=2 and one partition.
#
#   scripts/slurm-local.sh start|stop|status
#
# Needs root (slurmd runs jobs as their users) and Debian's slurmctld slurmd
# slurm-client munge (`lkmc sweep --executor slurm -D` installs them).
# LKMC_SLURM_DIR holds everything (default /tmp/lkmc-slurm); the client
# commands find the cluster through /etc/slurm/slurm.conf, a link to the
# generated file made when no slurm.conf is there (else export SLURM_CONF).
set -eu
dir=${LKMC_SLURM_DIR:-/tmp/lkmc-slurm}
conf=$dir/slurm.conf
cpus=${LKMC_SLURM_CPUS:-2}

need() {
  for p in slurmctld slurmd sbatch munged; do
    command -v "$p" >/dev/null 2>&1 || PATH=$PATH:/usr/sbin command -v "$p" >/dev/null 2>&1 || {
      echo "slurm-local: $p not found: apt-get install slurmctld slurmd slurm-client munge" >&2
      exit 1
    }
  done
  [ "$(id -u)" = 0 ] || { echo "slurm-local: run as root (slurmd needs it)" >&2; exit 1; }
}

alive() { pid=$(cat "$1" 2>/dev/null) && kill -0 "$pid" 2>/dev/null; }

write_conf() {
  mem=$(awk '/MemTotal/ { print int($2 / 1024) - 512 }' /proc/meminfo)
  mkdir -p "$dir/state" "$dir/spool" "$dir/munge"
  cat > "$conf" <<EOF
ClusterName=lkmc
SlurmctldHost=localhost
SlurmUser=root
SlurmctldPort=6817
SlurmdPort=6818
AuthType=auth/munge
CryptoType=crypto/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SwitchType=switch/none
ReturnToService=2
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU_Memory
DefMemPerCPU=2048
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$dir/jobcomp.log
KillWait=5
MinJobAge=600
NodeName=localhost NodeHostname=$(hostname) CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=lkmc Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF
  if [ ! -e /etc/slurm/slurm.conf ] || [ -L /etc/slurm/slurm.conf ]; then
    mkdir -p /etc/slurm
    ln -sf "$conf" /etc/slurm/slurm.conf
  fi
}

start_munge() {
  # Debian's package made the key; a machine without one gets a fresh one.
  if [ ! -s /etc/munge/munge.key ]; then
    mkdir -p /etc/munge
    dd if=/dev/urandom of=/etc/munge/munge.key bs=1 count=1024 2>/dev/null
    chown munge:munge /etc/munge/munge.key 2>/dev/null || true
    chmod 400 /etc/munge/munge.key
  fi
  mkdir -p /run/munge
  chown munge:munge /run/munge 2>/dev/null || true
  if ! alive "$dir/munged.pid"; then
    # munged runs as the key's owner; root would need --force.
    if id munge >/dev/null 2>&1; then
      runuser -u munge -- /usr/sbin/munged --pid-file="$dir/munge/munged.pid" \
        --log-file="$dir/munge/munged.log" --seed-file="$dir/munge/munged.seed" || true
      cp "$dir/munge/munged.pid" "$dir/munged.pid" 2>/dev/null || true
    else
      /usr/sbin/munged --force --pid-file="$dir/munged.pid"
    fi
  fi
}

wait_idle() {
  i=0
  while [ $i -lt 60 ]; do
    state=$(SLURM_CONF=$conf sinfo -h -N -o %T 2>/dev/null | head -n 1)
    case $state in idle*|mix*|alloc*) echo "slurm-local: localhost is $state ($conf)"; return 0 ;; esac
    i=$((i + 1))
    sleep 1
  done
  echo "slurm-local: the node did not come up; see $dir/slurmctld.log and $dir/slurmd.log" >&2
  return 1
}

case ${1:-} in
start)
  need
  mkdir -p "$dir/munge"
  chown munge:munge "$dir/munge" 2>/dev/null || true
  write_conf
  start_munge
  alive "$dir/slurmctld.pid" || SLURM_CONF=$conf /usr/sbin/slurmctld -f "$conf"
  alive "$dir/slurmd.pid" || SLURM_CONF=$conf /usr/sbin/slurmd -f "$conf"
  wait_idle
  ;;
stop)
  for d in slurmd slurmctld munged; do
    if alive "$dir/$d.pid"; then
      kill "$(cat "$dir/$d.pid")"
      # A start right after must not find it still saving its state.
      i=0
      while alive "$dir/$d.pid" && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
      echo "slurm-local: stopped $d"
    fi
  done
  ;;
status)
  for d in munged slurmctld slurmd; do
    if alive "$dir/$d.pid"; then echo "$d: running ($(cat "$dir/$d.pid"))"; else echo "$d: stopped"; fi
  done
  SLURM_CONF=$conf sinfo 2>/dev/null || true
  ;;
*)
  echo "usage: $0 start|stop|status" >&2
  exit 2
  ;;
esac
