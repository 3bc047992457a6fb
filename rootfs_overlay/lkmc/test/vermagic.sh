# vermagic.ko prints the running kernel's utsname; its release is what
# uname -r says and what starts the vermagic string of every module.
load vermagic
log=$(dmesg)
assert_contains "$log" "vermagic: sysname    = $(uname -s)" "kernel log"
assert_contains "$log" "vermagic: release    = $(uname -r)" "kernel log"
assert_contains "$log" "vermagic: version    = $(uname -v)" "kernel log"
assert_contains "$log" "vermagic: machine    = $(uname -m)" "kernel log"
assert_contains "$log" "vermagic: nodename   = $(uname -n)" "kernel log"
magic=$(modinfo -F vermagic /lkmc/vermagic.ko)
case "$magic" in
  "$(uname -r) "*) ;;
  *) fail "vermagic.ko vermagic '$magic' does not start with '$(uname -r) '" ;;
esac
unload vermagic
