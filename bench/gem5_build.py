#!/usr/bin/env python3
"""Time the gem5 build.

  bench/gem5_build.py [--type opt|fast|debug] [--build-id ID]
      times `lkmc build --arch aarch64 --gem5-build-id ID gem5` from an empty
      build dir (ID defaults to `bench`, so the default build is not touched).
      Hours on 2 cores.

  bench/gem5_build.py --from-objects DIR [--type opt|fast|debug]
      for a build that was stopped and resumed over several sessions: the
      compile time it took, from the times of the objects under DIR (for
      example out/gem5/default/build/ARM). Gaps of more than --pause seconds
      between two objects count as pauses and are left out.
"""
import argparse
import os
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LKMC = os.environ.get("LKMC", os.path.join(REPO, "target", "release", "lkmc"))
# The objects scons makes for each gem5 build type (opt's embedded Python
# objects are .pyo).
OBJECT_SUFFIXES = {"opt": (".o", ".pyo"), "fast": (".fo",), "debug": (".do",)}


def object_times(root, suffixes):
    times = []
    for d, _, files in os.walk(root):
        times.extend(os.path.getmtime(os.path.join(d, f)) for f in files if f.endswith(suffixes))
    return sorted(times)


def active_seconds(times, pause):
    """Sum of the gaps between consecutive objects, pauses left out."""
    return sum(b - a for a, b in zip(times, times[1:]) if b - a <= pause)


def from_objects(root, build_type, pause):
    suffixes = OBJECT_SUFFIXES[build_type]
    times = object_times(root, suffixes)
    if len(times) < 2:
        sys.exit(f"{root}: fewer than 2 objects")
    active = active_seconds(times, pause)
    span = times[-1] - times[0]
    print(f"gem5.{build_type} objects: {len(times)} ({' and '.join(suffixes)}) under {root}")
    print(f"from first to last object: {span / 3600:.2f} h; compiling (gaps over {pause} s left out): "
          f"{active / 3600:.2f} h, {len(times) / (active / 60):.2f} objects a minute")
    exe = [f for f in os.listdir(root) if f.startswith("gem5.")]
    for f in exe:
        path = os.path.join(root, f)
        if os.path.isfile(path):
            print(f"{f}: linked {time.strftime('%Y-%m-%d %H:%M:%S', time.localtime(os.path.getmtime(path)))}, "
                  f"{os.path.getsize(path) / 2**20:.0f} MiB")


def clean_build(build_type, build_id):
    args = ["--arch", "aarch64", "--gem5-build-id", build_id, "--gem5-build-type", build_type]
    build_dir = subprocess.run([LKMC, "getvar", *args, "gem5_build_dir"], capture_output=True,
                               text=True, check=True).stdout.strip()
    if os.path.exists(build_dir):
        sys.exit(f"{build_dir} exists: remove it (or pick another --build-id) for a clean build")
    start = time.perf_counter()
    subprocess.run([LKMC, "build", "-q", *args, "gem5"], check=True)
    took = time.perf_counter() - start
    print(f"gem5.{build_type} (ARM, RUBY=n) clean build: {took:.0f} s ({took / 3600:.2f} h) on "
          f"{os.cpu_count()} CPUs")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--type", default="opt", choices=["opt", "fast", "debug"])
    ap.add_argument("--build-id", default="bench")
    ap.add_argument("--from-objects")
    ap.add_argument("--pause", type=float, default=600.0)
    a = ap.parse_args()
    if a.from_objects:
        from_objects(a.from_objects, a.type, a.pause)
    else:
        clean_build(a.type, a.build_id)


if __name__ == "__main__":
    main()
