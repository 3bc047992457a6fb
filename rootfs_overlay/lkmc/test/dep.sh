# dep.ko exports lkmc_dep; dep2.ko uses it. dep2 cannot load without dep,
# dep cannot go while dep2 holds it, and both see the same variable.
assert_contains "$(modinfo /lkmc/dep2.ko)" "depends:" "modinfo dep2"
[ "$(modinfo -F depends /lkmc/dep2.ko)" = dep ] ||
  fail "modinfo -F depends dep2.ko: '$(modinfo -F depends /lkmc/dep2.ko)'"
assert_fails insmod /lkmc/dep2.ko
assert_contains "$(dmesg)" "Unknown symbol lkmc_dep" "kernel log after insmod dep2 alone"
grep -q '^dep2 ' /proc/modules && fail "dep2 loaded without dep"
load dep
grep -qE ' lkmc_dep[[:space:]]+\[dep\]' /proc/kallsyms || fail "lkmc_dep [dep] not in /proc/kallsyms"
load dep2
assert_contains "$(dmesg)" "dep2: init lkmc_dep = 1" "kernel log at insmod dep2"
# /proc/modules: name size refcount users ...
set -- $(grep '^dep ' /proc/modules)
assert_eq 1 "$3" "dep refcount with dep2 loaded"
assert_eq "dep2," "$4" "dep users"
assert_fails rmmod dep
grep -q '^dep ' /proc/modules || fail "rmmod dep removed it while dep2 uses it"
unload dep2
set -- $(grep '^dep ' /proc/modules)
assert_eq 0 "$3" "dep refcount after rmmod dep2"
unload dep
assert_contains "$(dmesg)" "dep: cleanup lkmc_dep = 1" "kernel log at rmmod dep"
