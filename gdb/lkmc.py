# GDB helpers for lkmc, loaded by `lkmc gdb` with -x.
#
# lkmc-module NAME [FUNC]: break in kernel module NAME at FUNC (default: its
# module_init). The kernel's lx-symbols gives GDB a module's .text and .data
# but not .init.text, so module_init functions stay unknown to it. This
# command loads every section the kernel recorded for the module, including
# .init.text, as soon as the module is inserted and before its init runs.
import gdb


def _module_sections(mod):
    attrs = mod["sect_attrs"].dereference()
    out = {}
    for i in range(int(attrs["nsections"])):
        a = attrs["attrs"][i]
        out[a["battr"]["attr"]["name"].string()] = int(a["address"])
    return out


def _load_symbols(mod, ko):
    sections = _module_sections(mod)
    text = sections.get(".text", int(mod["core_layout"]["base"]))
    args = "".join(
        " -s {} {:#x}".format(n, addr) for n, addr in sections.items() if n != ".text"
    )
    gdb.execute("add-symbol-file {} {:#x}{}".format(ko, text, args), to_string=True)
    gdb.write("lkmc: loaded symbols of {} (with .init.text)\n".format(ko))


def _find_loaded(name):
    head = gdb.parse_and_eval("modules")
    node = head["next"]
    mod_type = gdb.lookup_type("struct module").pointer()
    offset = int(gdb.parse_and_eval("&((struct module *)0)->list"))
    while int(node) != int(head.address):
        mod = gdb.Value(int(node) - offset).cast(mod_type)
        if mod["name"].string() == name:
            return mod
        node = node["next"]
    return None


class _InitBreakpoint(gdb.Breakpoint):
    def __init__(self, name, ko, func):
        super().__init__("do_init_module", internal=True)
        self.silent = True
        self.name, self.ko, self.func = name, ko, func

    def stop(self):
        mod = gdb.parse_and_eval("mod")
        if mod["name"].string() != self.name:
            return False
        _load_symbols(mod, self.ko)
        spec = self.func or "*{:#x}".format(int(mod["init"]))
        gdb.Breakpoint(spec)
        return False


class LkmcModule(gdb.Command):
    """lkmc-module NAME KO [FUNC]: break at FUNC (default module_init) of module NAME."""

    def __init__(self):
        super().__init__("lkmc-module", gdb.COMMAND_BREAKPOINTS)

    def invoke(self, arg, from_tty):
        words = gdb.string_to_argv(arg)
        name, ko = words[0], words[1]
        func = words[2] if len(words) > 2 else None
        try:
            mod = _find_loaded(name)
        except gdb.error:
            # Kernel memory is not mapped yet (stopped before boot).
            mod = None
        if mod is not None:
            _load_symbols(mod, ko)
            gdb.Breakpoint(func or "*{:#x}".format(int(mod["init"])))
        else:
            _InitBreakpoint(name, ko, func)
            gdb.write("lkmc: waiting for module {} to be inserted\n".format(name))


LkmcModule()
