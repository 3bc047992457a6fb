# ftrace through tracefs, on a function of one of our modules: procfs.ko's
# lkmc_procfs_read, which `cat /proc/lkmc_procfs` runs. A trace event
# (module:module_load), the function tracer, the function_graph tracer and a
# kprobe event must each show it in the trace.
zcat /proc/config.gz | grep -q '^CONFIG_FUNCTION_TRACER=y' ||
  skip "ftrace is in the full kernel only (linux_config/full, it costs boot time): lkmc build --linux-config full, or --config-fragment linux_config/full"
t=/sys/kernel/tracing
[ -e $t/trace ] || mount -t tracefs tracefs $t || fail "cannot mount tracefs on $t"
f=lkmc_procfs_read
reset() {
  echo 0 > $t/tracing_on
  echo nop > $t/current_tracer
  echo > $t/set_ftrace_filter
  echo > $t/set_graph_function
  echo 0 > $t/events/enable
  echo > $t/kprobe_events
  echo > $t/trace
}
trap 'reset; rmmod procfs 2>/dev/null' EXIT
reset
# trace TRACER: the trace of one `cat /proc/lkmc_procfs` with TRACER on.
# The tracer is off again (which empties the buffer: read it first) before
# the filters change: a filter emptied while a tracer is on patches every
# function in (seconds on an emulated CPU).
trace() {
  echo "$1" > $t/current_tracer || fail "tracer $1 not available: $(cat $t/available_tracers)"
  echo > $t/trace
  echo 1 > $t/tracing_on
  cat /proc/lkmc_procfs > /dev/null
  echo 0 > $t/tracing_on
  cat $t/trace
  echo nop > $t/current_tracer
}

# A static trace event: module loads.
echo 1 > $t/events/module/module_load/enable || fail "no module:module_load event"
echo 1 > $t/tracing_on
load procfs
echo 0 > $t/tracing_on
echo 0 > $t/events/module/module_load/enable
out=$(cat $t/trace)
assert_contains "$out" "module_load: procfs" "trace of insmod procfs.ko"
echo "trace event: $(echo "$out" | grep module_load)"

grep -q "^$f \[procfs\]" $t/available_filter_functions || fail "$f [procfs] not in available_filter_functions"
echo $f > $t/set_ftrace_filter || fail "set_ftrace_filter $f"
out=$(trace function)
assert_contains "$out" " $f <-" "function trace"
assert_contains "$(echo "$out" | grep " $f <-")" "cat-" "task of the traced call"
echo "function: $(echo "$out" | grep -m 1 " $f <-")"
echo > $t/set_ftrace_filter

# The graph of calls from $f; set_ftrace_filter limits the functions
# patched to these two.
echo $f > $t/set_graph_function || fail "set_graph_function $f"
echo "$f simple_read_from_buffer" > $t/set_ftrace_filter || fail "set_ftrace_filter $f simple_read_from_buffer"
out=$(trace function_graph)
assert_contains "$out" "$f [procfs]() {" "function_graph trace"
assert_contains "$out" "simple_read_from_buffer" "function_graph trace: the callee"
echo "function_graph:"; echo "$out" | grep -A2 -m 1 "$f"
echo > $t/set_graph_function
echo > $t/set_ftrace_filter

echo "p:lkmc_test $f" > $t/kprobe_events || fail "kprobe event on $f"
echo 1 > $t/events/kprobes/lkmc_test/enable
out=$(trace nop)
assert_contains "$out" "lkmc_test: ($f+0x0/" "kprobe event trace"
echo "kprobe event: $(echo "$out" | grep -m 1 lkmc_test:)"
echo 0 > $t/events/kprobes/lkmc_test/enable
unload procfs
