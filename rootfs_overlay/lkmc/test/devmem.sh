# /dev/mem reads physical memory: the u32 that virt_to_phys.ko kmallocs
# (0x12345678) read at the physical address the module prints, with busybox
# devmem. Needs CONFIG_DEVMEM, and CONFIG_STRICT_DEVMEM off (it allows
# device memory only).
[ -c /dev/mem ] || fail "no /dev/mem"
load virt_to_phys
p=$(sed -n 's/^virt_to_phys(kmalloc_ptr) = //p' /sys/kernel/debug/lkmc_virt_to_phys)
[ -n "$p" ] || fail "no physical address in $(cat /sys/kernel/debug/lkmc_virt_to_phys)"
v=$(devmem "$p" 32 2>&1)
unload virt_to_phys
assert_eq 0x12345678 "$v" "devmem $p 32"
echo "devmem $p 32 = $v"
