# procfs.ko: /proc/lkmc_procfs reads "abcd" after insmod; a write replaces the
# content and later reads return it; rmmod removes the file.
f=/proc/lkmc_procfs
load procfs
[ -e $f ] || fail "$f missing after insmod"
assert_eq abcd "$(cat $f)" "initial content"
echo hello > $f || fail "write to $f"
assert_eq hello "$(cat $f)" "content after write"
# Reading from an offset uses the proc_lseek.
assert_eq llo "$(dd if=$f bs=1 skip=2 2>/dev/null)" "read from offset 2"
unload procfs
[ ! -e $f ] || fail "$f still there after rmmod"
