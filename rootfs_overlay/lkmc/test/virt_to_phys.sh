# virt_to_phys.ko: /sys/kernel/debug/lkmc_virt_to_phys shows a kmalloc'd and
# a static u32 (0x12345678) with their addresses; reading each physical
# address back through another mapping must give 0x12345678 again.
f=/sys/kernel/debug/lkmc_virt_to_phys
load virt_to_phys
out=$(cat $f) || fail "cat $f"
echo "$out"
val() { echo "$out" | sed -n "s/^$1 = //p"; }
assert_eq 0x12345678 "$(val '\*kmalloc_ptr')" "*kmalloc_ptr"
# kmalloc memory is in the linear map, module data is not: the module only
# calls virt_to_phys() where virt_addr_valid() says it may.
assert_eq 1 "$(val 'virt_addr_valid(kmalloc_ptr)')" "virt_addr_valid(kmalloc_ptr)"
assert_eq 0 "$(val 'virt_addr_valid(&static_var)')" "virt_addr_valid(&static_var)"
assert_eq "" "$(val 'virt_to_phys(&static_var)')" "virt_to_phys(&static_var), printed though not valid"
assert_eq 0x12345678 "$(val 'read at virt_to_phys(kmalloc_ptr)')" "value at the kmalloc phys address"
assert_eq 0x12345678 "$(val static_var)" "static_var"
assert_eq 0x12345678 "$(val 'read at vmalloc_to_page(&static_var) phys')" "value at the static_var phys address"
# Virtual addresses are kernel addresses; physical ones are different numbers.
kv=$(val kmalloc_ptr); kp=$(val 'virt_to_phys(kmalloc_ptr)')
[ -n "$kv" ] && [ -n "$kp" ] || fail "missing kmalloc_ptr addresses"
[ $((0x$kv)) -ne $((kp)) ] || fail "kmalloc_ptr virtual = physical = $kp"
# The low 12 bits (offset in the page) survive the translation.
[ $((0x$kv & 0xfff)) -eq $((kp & 0xfff)) ] || fail "page offsets differ: $kv $kp"
sv=$(val '&static_var'); sp=$(val 'vmalloc_to_page(&static_var) phys')
[ $((0x$sv & 0xfff)) -eq $((sp & 0xfff)) ] || fail "page offsets differ: $sv $sp"
unload virt_to_phys
[ ! -e $f ] || fail "$f still there after rmmod"
