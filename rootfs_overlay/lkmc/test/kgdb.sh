# KGDB's serial I/O driver (kgdboc) attaches to the console's UART at run
# time and lets it go again, without stopping the kernel: what `lkmc run
# --kgdb` relies on. The KDB front end is built in.
p=/sys/module/kgdboc/parameters/kgdboc
[ -w $p ] || fail "no $p: CONFIG_KGDB_SERIAL_CONSOLE is off"
tty=$(cat /sys/class/tty/console/active | tr ' ' '\n' | grep -E '^tty(S|AMA)[0-9]' | head -n 1)
[ -n "$tty" ] || fail "no serial console in $(cat /sys/class/tty/console/active)"
echo "$tty" > $p || fail "echo $tty > $p"
assert_contains "$(dmesg)" "KGDB: Registered I/O driver kgdboc" "kernel log after kgdboc=$tty"
assert_eq "$tty" "$(cat $p)" "kgdboc"
echo > $p || fail "detaching kgdboc"
assert_contains "$(dmesg)" "KGDB: Unregistered I/O driver kgdboc" "kernel log after detaching kgdboc"
[ -e /sys/module/kdb/parameters/cmd_enable ] || fail "no KDB: CONFIG_KGDB_KDB is off"
echo "kgdboc attached to $tty and detached"
