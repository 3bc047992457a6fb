# ring0.ko (x86 only) reads cr0, cr2 and cr3, which only ring 0 can do.
# A running kernel has protected mode (cr0 bit 0) and paging (bit 31) on.
[ "$(lkmc_arch)" = x86_64 ] || skip "x86 only"
load ring0
log=$(dmesg)
cr0=$(echo "$log" | sed -n 's/.*ring0: cr0 = //p')
cr3=$(echo "$log" | sed -n 's/.*ring0: cr3 = //p')
[ -n "$cr0" ] && [ -n "$cr3" ] || fail "no cr0/cr3 in: $log"
assert_contains "$log" "ring0: cr2 = 0x" "kernel log"
[ $((cr0 & 0x80000001)) -eq $((0x80000001)) ] || fail "cr0 = $cr0: PE or PG clear"
[ $((cr3)) -ne 0 ] || fail "cr3 = 0"
unload ring0
