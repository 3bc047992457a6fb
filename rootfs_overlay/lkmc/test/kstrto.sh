# kstrto.ko: numbers written to /sys/kernel/debug/lkmc_kstrto are parsed
# with kstrtoul; reading gives the number plus one. Junk is rejected and
# leaves the value alone.
f=/sys/kernel/debug/lkmc_kstrto
load kstrto
assert_eq 1 "$(cat $f)" "initial read"
echo 41 > $f || fail "write 41"
assert_eq 42 "$(cat $f)" "read after writing 41"
printf 0x10 > $f || fail "write 0x10 without newline"
assert_eq 17 "$(cat $f)" "read after writing 0x10"
echo 010 > $f || fail "write 010"
assert_eq 9 "$(cat $f)" "read after writing octal 010"
for junk in abc 12abc -1 "" " 5" 99999999999999999999999; do
  assert_fails sh -c "printf '%s\n' '$junk' > $f"
  assert_eq 9 "$(cat $f)" "read after writing '$junk'"
done
# kstrtoul_from_user() parses 66 bytes at most (34 with a 32-bit long):
# longer writes are rejected, not cut (70 zeros then 42 would store 0).
if [ "$(lkmc_arch)" = arm ]; then max=34; else max=66; fi
assert_fails sh -c "printf '%070d42' 0 > $f"
assert_eq 9 "$(cat $f)" "read after writing 70 zeros then 42"
assert_fails sh -c "printf '%0${max}d7' 0 > $f"
assert_eq 9 "$(cat $f)" "read after writing $max zeros then 7 ($((max + 1)) bytes)"
# $max bytes are fine (a leading 0 means octal: 042 is 34).
printf "%0$((max - 2))d42" 0 > $f || fail "write of $((max - 2)) zeros then 42 ($max bytes)"
assert_eq 35 "$(cat $f)" "read after writing $((max - 2)) zeros then 42"
assert_contains "$(dmesg)" "kstrto: rejected write: -22" "kernel log for junk"
assert_contains "$(dmesg)" "kstrto: rejected write: -34" "kernel log for a too large number"
unload kstrto
[ ! -e $f ] || fail "$f still there after rmmod"
