#!/bin/sh
# Runs PROGRAM under gdbserver on the virtio serial port that lkmc connects to
# the host (build it first: lkmc build gdbserver). On the host:
#   lkmc gdb --gdbserver --userland PROGRAM [BREAK]
# Usage: /lkmc/gdbserver.sh PROGRAM [ARGS...]
port=$(for p in /sys/class/virtio-ports/*; do
  [ "$(cat "$p/name" 2>/dev/null)" = lkmc.gdbserver ] && echo "/dev/${p##*/}"
done)
if [ -z "$port" ]; then
  echo "gdbserver.sh: no lkmc.gdbserver port: run \`lkmc build gdbserver\` on the host and boot again" >&2
  exit 1
fi
exec gdbserver "$port" "$@"
