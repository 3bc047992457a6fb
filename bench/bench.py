#!/usr/bin/env python3
"""Measures what lkmc users wait for, per arch, on this machine.

  dry_run      lkmc run --dry-run                          (median of 50)
  noop_build   lkmc build with nothing changed             (median of 5)
  boot_eval    lkmc run --eval true: boot, run, power off  (median of 5)
  raw_qemu     the same QEMU command that lkmc prints, run by bash
               without lkmc (median of 5): the reference, so
  lkmc_overhead  boot_eval / raw_qemu (a ratio: comparable across machines)
  module_loop  touch kernel_modules/hello.c, lkmc build,
               lkmc run --eval 'insmod hello.ko'           (median of 3)
  baremetal_loop  touch baremetal/hello.c, lkmc build baremetal,
               lkmc run --baremetal baremetal/hello.c       (median of 5;
               arm and aarch64)
  clean_build  remove the kernel build, lkmc build, lkmc run --eval true
               (once, only with --clean)
  gem5_boot_T  lkmc run --emulator gem5 --gem5-build-type T --eval true,
               AtomicSimpleCPU, to m5 exit (once; arm and aarch64; T is
               opt and fast, each where it is built); gem5_boot_insns_T
               its guest instructions (simInsts)
  gem5_boot_default_T  the same with lkmc's default CPU model
               (NonCachingSimpleCPU), run right after gem5_boot_T
  gem5_se_hello_T  lkmc run --emulator gem5 --userland userland/c/hello.c,
               syscall emulation, AtomicSimpleCPU (once; as gem5_boot_T)
  boot_insns   guest instructions of lkmc run --eval true, counted by the
               QEMU plugin bench/insn_count.c (a count, not seconds; once)

Usage: bench/bench.py [--clean] [--upstream DIR] [--gem5-only] [ARCH...]
--gem5-only measures the gem5 rows alone (minutes each, where gem5 is built).
--upstream DIR times upstream LKMC's `./run --dry-run` in its checkout DIR,
side by side with lkmc's.
"""
import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LKMC = os.environ.get("LKMC", os.path.join(REPO, "target", "release", "lkmc"))


def timed(argv, cwd=REPO):
    start = time.perf_counter()
    r = subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    took = time.perf_counter() - start
    if r.returncode != 0:
        sys.exit(f"failed: {' '.join(argv)}\n{r.stderr.decode(errors='replace')}")
    return took


def median(n, *steps, cwd=REPO):
    """Median wall time of running the steps (argv lists) one after the other."""
    runs = []
    for _ in range(n):
        runs.append(sum(s() if callable(s) else timed(s, cwd) for s in steps))
    return statistics.median(runs)


def printed_command(argv):
    """The last command that `lkmc ... --dry-run --print-cmd-oneline` prints."""
    out = subprocess.run([*argv, "--dry-run", "--print-cmd-oneline"], capture_output=True,
                         text=True, check=True).stdout
    return out.strip().splitlines()[-1]


def touch(path):
    return lambda: (os.utime(path, None), 0.0)[1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("archs", nargs="*", default=["x86_64", "arm", "aarch64"])
    ap.add_argument("--clean", action="store_true")
    ap.add_argument("--upstream")
    ap.add_argument("--gem5-only", action="store_true")
    a = ap.parse_args()
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    qemu = subprocess.run(["qemu-system-x86_64", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    print(f"machine: {os.cpu_count()} CPUs, {cpu}, Linux {platform.release()}; {qemu}")
    print(f"{'arch':<8} {'metric':<18} seconds")
    hello = os.path.join(REPO, "kernel_modules", "hello.c")
    for arch in a.archs:
        A = ["--arch", arch]
        if a.gem5_only:
            for name, value in gem5_rows(arch):
                shown = f"{value}" if isinstance(value, int) else f"{value:.4f}"
                print(f"{arch:<8} {name:<18} {shown}")
            continue
        timed([LKMC, "build", "-q", *A])
        boot = [LKMC, "run", "-q", *A, "--eval", "true"]
        raw = ["bash", "-c", printed_command(boot) + " </dev/null"]
        rows = [
            ("dry_run", median(50, [LKMC, "run", "--dry-run", *A])),
            ("noop_build", median(5, [LKMC, "build", "-q", *A])),
            ("boot_eval", median(5, boot)),
            ("raw_qemu", median(5, raw)),
            ("module_loop", median(3, touch(hello), [LKMC, "build", "-q", *A],
                                   [LKMC, "run", "-q", *A, "--eval", "insmod hello.ko"])),
        ]
        if arch != "x86_64":
            bm = os.path.join(REPO, "baremetal", "hello.c")
            rows.append(("baremetal_loop", median(5, touch(bm), [LKMC, "build", "-q", *A, "baremetal"],
                                                  [LKMC, "run", "-q", *A, "--baremetal", bm])))
        if a.clean:
            build_dir = subprocess.run([LKMC, "getvar", *A, "linux_build_dir"], capture_output=True,
                                       text=True).stdout.strip()
            shutil.rmtree(build_dir)
            rows.append(("clean_build", median(1, [LKMC, "build", "-q", *A],
                                               [LKMC, "run", "-q", *A, "--eval", "true"])))
        values = dict(rows)
        rows.append(("lkmc_overhead", values["boot_eval"] / values["raw_qemu"]))
        rows.extend(gem5_rows(arch))
        rows.append(("boot_insns", boot_insns(arch)))
        for name, value in rows:
            shown = f"{value}" if isinstance(value, int) else f"{value:.4f}"
            print(f"{arch:<8} {name:<18} {shown}")
    if a.upstream:
        print(f"{'x86_64':<8} {'upstream_dry_run':<18} {median(10, ['./run', '--dry-run'], cwd=a.upstream):.4f}")


def boot_insns(arch):
    """Instructions the guest runs from reset to power-off in `--eval true`."""
    out = os.path.join(REPO, "out", "bench")
    os.makedirs(out, exist_ok=True)
    plugin = os.path.join(out, "insn_count.so")
    subprocess.run(["cc", "-shared", "-fPIC", "-O2", "-o", plugin,
                    os.path.join(REPO, "bench", "insn_count.c")], check=True)
    r = subprocess.run([LKMC, "run", "-q", "--arch", arch, "--eval", "true", "--",
                        "-plugin", plugin, "-d", "plugin"], capture_output=True, text=True,
                       stdin=subprocess.DEVNULL)
    counts = [l.split()[1] for l in r.stdout.splitlines() if l.startswith("lkmc_insns ")]
    if not counts:
        sys.exit(f"no lkmc_insns line from the plugin:\n{r.stdout[-2000:]}")
    return int(counts[-1])


def gem5_rows(arch):
    """gem5 full-system boot to m5 exit and a syscall-emulation hello, for
    each gem5 build type that is built, and the boot's guest instructions."""
    if arch == "x86_64":
        return []
    rows = []
    hello = os.path.join(REPO, "userland", "c", "hello.c")
    for build_type in ["opt", "fast"]:
        bt = ["--arch", arch, "--emulator", "gem5", "--gem5-build-type", build_type]
        exe = subprocess.run([LKMC, "getvar", *bt, "gem5_executable"],
                             capture_output=True, text=True).stdout.strip()
        if not os.path.exists(exe):
            print(f"{arch:<8} gem5_boot_{build_type:<9} skipped: {exe} is not built "
                  f"(lkmc build --arch {arch} --gem5-build-type {build_type} gem5)")
            continue
        gem5 = [LKMC, "run", "-q", *bt, "--cpu-type", "AtomicSimpleCPU"]
        rows.append((f"gem5_boot_{build_type}", median(1, [*gem5, "--eval", "true"])))
        insts = subprocess.run([LKMC, "gem5-stat", *bt, "^simInsts$"], capture_output=True,
                               text=True).stdout.split()
        if len(insts) >= 2:
            rows.append((f"gem5_boot_insns_{build_type}", int(insts[-1])))
        default_cpu = [LKMC, "run", "-q", *bt, "--eval", "true"]
        rows.append((f"gem5_boot_default_{build_type}", median(1, default_cpu)))
        rows.append((f"gem5_se_hello_{build_type}", median(1, [*gem5, "--userland", hello])))
    return rows


if __name__ == "__main__":
    main()
