# myprintk.ko prints one line per log level (dmesg -r shows the level as
# <N>). Its pr_debug stays silent until dynamic debug enables it, either in
# /sys/kernel/debug/dynamic_debug/control or with the dyndbg parameter.
ctl=/sys/kernel/debug/dynamic_debug/control
[ -e $ctl ] || skip "no $ctl (CONFIG_DYNAMIC_DEBUG off)"
load myprintk
log=$(dmesg -r)
n=1
for level in alert crit err warn notice info; do
  assert_contains "$log" "<$n>" "level of pr_$level"
  echo "$log" | grep -q "^<$n>.*myprintk: pr_$level init$" ||
    fail "no '<$n>... myprintk: pr_$level init' in: $log"
  n=$((n + 1))
done
assert_fails sh -c 'dmesg | grep -q "printk debug"'
# The control file lists the pr_debug site, off (=_).
line=$(grep '\[myprintk\]' $ctl)
assert_contains "$line" '=_ "printk debug' "control line before enabling"
echo 'module myprintk +p' > $ctl || fail "write $ctl"
assert_contains "$(grep '\[myprintk\]' $ctl)" "=p " "control line after enabling"
unload myprintk
dmesg -r | grep -q '^<7>.*myprintk: printk debug cleanup$' ||
  fail "no '<7>... printk debug cleanup' after enabling: $(dmesg -r | tail -n 3)"
dmesg_clear
# dyndbg= at insmod enables it before init runs.
load myprintk dyndbg=+p
assert_contains "$(dmesg)" "myprintk: printk debug init" "kernel log with dyndbg=+p"
unload myprintk
