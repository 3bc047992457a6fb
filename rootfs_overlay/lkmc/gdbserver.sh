#!/bin/sh
# Runs PROGRAM under gdbserver, for GDB on the host (build it first: lkmc
# build gdbserver):
#   /lkmc/gdbserver.sh PROGRAM [ARGS...]        on the virtio serial port
#       lkmc gdb --gdbserver --userland PROGRAM [BREAK]
#   /lkmc/gdbserver.sh --net PROGRAM [ARGS...]  on TCP port 1234, which lkmc
#       forwards from the host's gdbserver_net_port (lkmc getvar)
#       lkmc gdb --gdbserver --net --userland PROGRAM [BREAK]
if [ "$1" = --net ]; then
  shift
  exec gdbserver 0.0.0.0:1234 "$@"
fi
port=$(for p in /sys/class/virtio-ports/*; do
  [ "$(cat "$p/name" 2>/dev/null)" = lkmc.gdbserver ] && echo "/dev/${p##*/}"
done)
if [ -z "$port" ]; then
  echo "gdbserver.sh: no lkmc.gdbserver port: run \`lkmc build gdbserver\` on the host and boot again" >&2
  exit 1
fi
exec gdbserver "$port" "$@"
