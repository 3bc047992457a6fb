# overlayfs: writes through the merged dir go to the upper dir (copy-up of a
# lower file, whiteouts for deletions); the lower dir never changes.
d=/tmp/overlayfs_test
rm -rf $d && mkdir -p $d/lower $d/upper $d/work $d/merged
trap 'umount $d/merged 2>/dev/null; rm -rf $d' EXIT
echo lower > $d/lower/a
echo gone > $d/lower/b
mount -t overlay overlay -o lowerdir=$d/lower,upperdir=$d/upper,workdir=$d/work $d/merged ||
  fail "mount -t overlay: $(dmesg | tail -n 3)"
assert_contains "$(grep " $d/merged " /proc/mounts)" "overlay" "/proc/mounts"
assert_eq lower "$(cat $d/merged/a)" "merged a before writes"
echo upper > $d/merged/a
echo new > $d/merged/c
rm $d/merged/b
assert_eq upper "$(cat $d/merged/a)" "merged a"
assert_eq lower "$(cat $d/lower/a)" "lower a after a write through merged"
assert_eq upper "$(cat $d/upper/a)" "upper a (copy-up)"
assert_eq new "$(cat $d/upper/c)" "upper c"
[ -e $d/merged/b ] && fail "merged b still there after rm"
assert_eq gone "$(cat $d/lower/b)" "lower b after rm through merged"
# A whiteout is a 0:0 character device.
[ -c $d/upper/b ] || fail "no whiteout for b in upper: $(ls -l $d/upper)"
umount $d/merged || fail "umount"
echo "copy-up, new file and whiteout in upper; lower unchanged"
