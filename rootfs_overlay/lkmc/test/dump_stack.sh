# dump_stack.ko prints the stack trace of insmod's init call, then goes on:
# init finishes and rmmod works.
load dump_stack
log=$(dmesg)
assert_contains "$log" "Comm: insmod" "dump_stack header"
assert_contains "$log" "lkmc_dump_stack_init" "stack trace"
assert_contains "$log" "[dump_stack]" "module name in the stack trace"
assert_contains "$log" "do_one_initcall" "caller in the stack trace"
assert_contains "$log" "dump_stack init done" "kernel log after dump_stack()"
unload dump_stack
assert_contains "$(dmesg)" "dump_stack cleanup" "kernel log at rmmod"
