#!/usr/bin/env python3
"""Boot to a guest command, this checkout against another one (a baseline).

For each arch, `lkmc run --eval true` of both checkouts, interleaved so that
both see the same load (median wall seconds of --runs each), and the guest
instructions from reset to power-off of each (bench/insn_count.c, a QEMU
plugin: a count, stable on a loaded machine, where seconds are not).

Both checkouts must have their guests built (`lkmc build --arch ARCH`) and
lkmc compiled (`cargo build --release`).

Usage: bench/compare_boot.py [--runs N] BASELINE_CHECKOUT [ARCH...]
e.g. git worktree add /tmp/base <commit>, build there, then
bench/compare_boot.py /tmp/base x86_64 arm aarch64
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Checkout:
    def __init__(self, root):
        self.root = os.path.abspath(root)
        self.lkmc = os.path.join(self.root, "target", "release", "lkmc")
        if not os.access(self.lkmc, os.X_OK):
            sys.exit(f"{self.lkmc} is missing: cargo build --release in {self.root}")
        self.env = dict(os.environ, LKMC_REPO=self.root)

    def boot(self, arch, extra=()):
        argv = [self.lkmc, "run", "-q", "--arch", arch, "--eval", "true", *extra]
        start = time.perf_counter()
        r = subprocess.run(argv, cwd=self.root, env=self.env, capture_output=True, text=True,
                           stdin=subprocess.DEVNULL)
        took = time.perf_counter() - start
        if r.returncode != 0:
            sys.exit(f"failed in {self.root}: {' '.join(argv)}\n{r.stdout[-2000:]}{r.stderr[-2000:]}")
        return took, r.stdout

    def instructions(self, arch, plugin):
        _, out = self.boot(arch, ["--", "-plugin", plugin, "-d", "plugin"])
        counts = [l.split()[1] for l in out.splitlines() if l.startswith("lkmc_insns ")]
        if not counts:
            sys.exit(f"no lkmc_insns line from the plugin in {self.root}:\n{out[-2000:]}")
        return int(counts[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("baseline")
    ap.add_argument("archs", nargs="*", default=["x86_64", "arm", "aarch64"])
    ap.add_argument("--runs", type=int, default=10)
    a = ap.parse_args()
    base, ours = Checkout(a.baseline), Checkout(REPO)
    out = os.path.join(REPO, "out", "bench")
    os.makedirs(out, exist_ok=True)
    plugin = os.path.join(out, "insn_count.so")
    subprocess.run(["cc", "-shared", "-fPIC", "-O2", "-o", plugin,
                    os.path.join(REPO, "bench", "insn_count.c")], check=True)
    print(f"baseline {base.root}; load average at start {os.getloadavg()[0]:.1f}")
    print(f"{'arch':<8} {'base s':>8} {'ours s':>8} {'ratio':>6} {'base insns':>12} {'ours insns':>12} {'ratio':>6}")
    for arch in a.archs:
        times = {"base": [], "ours": []}
        for _ in range(a.runs):
            times["base"].append(base.boot(arch)[0])
            times["ours"].append(ours.boot(arch)[0])
        tb, to = statistics.median(times["base"]), statistics.median(times["ours"])
        ib, io = base.instructions(arch, plugin), ours.instructions(arch, plugin)
        print(f"{arch:<8} {tb:8.3f} {to:8.3f} {to / tb:6.3f} {ib:12d} {io:12d} {io / ib:6.3f}")


if __name__ == "__main__":
    main()
