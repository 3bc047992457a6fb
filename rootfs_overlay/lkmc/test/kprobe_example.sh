# kprobe_example.ko puts a kprobe on kernel_clone, which every fork runs.
# Forking processes must raise its hit counter, and each hit is logged.
zcat /proc/config.gz | grep -q '^CONFIG_KPROBES=y' || skip "CONFIG_KPROBES is off"
f=/sys/kernel/debug/lkmc_kprobe_example
load kprobe_example
assert_contains "$(dmesg)" "kprobe_example: planted at kernel_clone+0x0/" "kernel log at insmod"
grep -q ' kernel_clone+0x0' /sys/kernel/debug/kprobes/list ||
  fail "kernel_clone not in kprobes/list: $(cat /sys/kernel/debug/kprobes/list)"
before=$(cat $f)
# Each `sh -c` below is one fork of this shell, hence one kernel_clone.
for i in 1 2 3 4 5; do sh -c true; done
after=$(cat $f)
[ $((after - before)) -ge 5 ] || fail "hits went from $before to $after after 5 forks"
assert_contains "$(dmesg)" "kprobe_example: hit $after: kernel_clone by sh pid" "kernel log"
unload kprobe_example
assert_contains "$(dmesg)" "kprobe_example: removed after" "kernel log at rmmod"
grep -q kernel_clone /sys/kernel/debug/kprobes/list && fail "kprobe still listed after rmmod"
[ ! -e $f ] || fail "$f still there after rmmod"
