#!/usr/bin/env python3
"""Whole-process benchmark of pcapkit against its peers, measured side by side in one run.

Builds the benchmark capture (../shared/captures/pcapplusplus/example2.pcap repeated with `mergecap -a -F pcap`
to about --frames frames), then runs every command --rounds times, alternating their order each round, and
prints the median wall time, frames/s and peak RSS of each, then the ratios the performance targets name.
Every command writes to /dev/null through its standard output, so no one pays for a disk the others do not.
"""
import argparse
import hashlib
import math
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# the 67 core fields of the tshark comparison, shared with the JMH render benchmark
with open(os.path.join(ROOT, "bench", "core-fields.txt")) as _f:
    CORE = [w for line in _f if not line.startswith("#") for w in line.split()]
ADDR = "ip.src ip.dst ipv6.src ipv6.dst tcp.srcport tcp.dstport udp.srcport udp.dstport".split()


def e_args(fields):
    out = []
    for f in fields:
        out += ["-e", f]
    return out


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def frames_of(path):
    out = subprocess.run(["capinfos", "-c", "-M", path], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        if "Number of packets" in line:
            return int(line.split(":")[1].strip())
    raise SystemExit("capinfos gave no packet count for " + path)


def build_capture(frames, work):
    seed = os.path.join(ROOT, "..", "shared", "captures", "pcapplusplus", "example2.pcap")
    if not os.path.exists(seed):
        raise SystemExit("benchmark seed capture missing: " + seed + " (or name one with --capture)")
    per = frames_of(seed)
    copies = max(1, math.ceil(frames / per))
    out = os.path.join(work, "bench-%dx.pcap" % copies)
    if not os.path.exists(out):
        print("building %s: example2.pcap x %d (%d frames)" % (out, copies, copies * per), flush=True)
        tmp = out + ".tmp"
        sh(["mergecap", "-a", "-F", "pcap", "-w", tmp] + [seed] * copies)
        os.replace(tmp, out)
    return out


def measure(cmd, env=None):
    """Wall seconds, peak RSS (MB) and CPU seconds (user + system, every thread) of cmd, stdout to /dev/null."""
    t = ["/usr/bin/time", "-f", "%e %M %U %S", "-o", "/dev/stderr"]
    t0 = time.monotonic()
    p = subprocess.run(t + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    wall = time.monotonic() - t0
    last = p.stderr.strip().splitlines()[-1] if p.stderr.strip() else "0 0 0 0"
    try:
        _, rss, user, system = last.split()
        rss_mb = int(rss) / 1024
        cpu = float(user) + float(system)
    except ValueError:
        rss_mb = cpu = float("nan")
    if p.returncode != 0:
        raise SystemExit("failed (%d): %s\n%s" % (p.returncode, " ".join(cmd[:6]) + " ...", p.stderr[-2000:]))
    return wall, rss_mb, cpu


def digest(cmd):
    h = hashlib.sha256()
    with subprocess.Popen(cmd, stdout=subprocess.PIPE) as p:
        for chunk in iter(lambda: p.stdout.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--frames", type=int, default=1_000_000, help="size of the benchmark capture (default 1M)")
    ap.add_argument("--capture", help="use this classic PCAP instead of building one")
    ap.add_argument("--rounds", type=int, default=3, help="alternating rounds; the median is reported (default 3)")
    ap.add_argument("--only", help="comma-separated command names to run (see the table)")
    ap.add_argument("--skip", default="", help="comma-separated command names to leave out")
    ap.add_argument("--workers", type=int, default=2, help="worker threads of the parallel runs (default 2)")
    ap.add_argument("--memory", action="store_true",
                    help="instead: peak RSS of each output format at --frames and 5x --frames")
    a = ap.parse_args()

    work = os.path.join(ROOT, "bench", "target")
    os.makedirs(work, exist_ok=True)
    jar = os.path.join(ROOT, "cli", "target", "pcapkit.jar")
    bench_jar = os.path.join(ROOT, "bench", "target", "benchmarks.jar")
    pk = [os.path.join(ROOT, "pcapkit")]
    sh(pk + ["-V"], stdout=subprocess.DEVNULL)  # builds the jar when stale, outside the measurements
    if not os.path.exists(bench_jar):
        sh(["mvn", "-q", "-B", "-DskipTests", "package"], cwd=ROOT)
    # the floor runs on the JDK the launcher uses: JAVA_HOME, else a JDK 25 under /usr/lib/jvm
    java_bin = os.path.join(os.environ["JAVA_HOME"], "bin", "java") if os.environ.get("JAVA_HOME") else None
    if not java_bin or not os.path.exists(java_bin):
        jdks = sorted(d for d in os.listdir("/usr/lib/jvm") if "25" in d) if os.path.isdir("/usr/lib/jvm") else []
        java_bin = os.path.join("/usr/lib/jvm", jdks[0], "bin", "java") if jdks else shutil.which("java")

    if a.memory:
        return memory(a, pk, work)

    cap = a.capture or build_capture(a.frames, work)
    n = frames_of(cap)
    w = str(a.workers)
    cmds = {
        "io-floor": [java_bin, "-cp", bench_jar, "io.pcapkit.bench.RecordWalk", cap],
        "native-no-output": pk + [cap, "--no-output"],
        "native-no-output-w%s" % w: pk + [cap, "--no-output", "--workers", w],
        "native-fields-core": pk + [cap, "-f", "fields"] + e_args(CORE),
        "native-fields-core-w%s" % w: pk + [cap, "-f", "fields", "--workers", w] + e_args(CORE),
        "tshark-fields-core": ["tshark", "-n", "-r", cap, "-T", "fields"] + e_args(CORE),
        "native-fields-addr": pk + [cap, "-f", "fields"] + e_args(ADDR),
        "native-fields-addr-w%s" % w: pk + [cap, "-f", "fields", "--workers", w] + e_args(ADDR),
        "dpkt-addr": ["/usr/bin/python3", os.path.join(ROOT, "bench", "dpkt_decode.py"), cap],
        "native-json": pk + [cap, "-f", "json"],
        "native-json-w%s" % w: pk + [cap, "-f", "json", "--workers", w],
        "tshark-json": ["tshark", "-n", "-r", cap, "-T", "json"],
        "tshark-r": ["tshark", "-n", "-r", cap],
        "pcap4j-no-output": pk + ["-E", "pcap4j", cap, "--no-output"],
    }
    if not os.path.exists("/usr/bin/python3") or subprocess.run(
            ["/usr/bin/python3", "-c", "import dpkt"], capture_output=True).returncode != 0:
        print("dpkt-addr: skipped (Debian's python3-dpkt is not installed)")
        cmds.pop("dpkt-addr")
    if subprocess.run(pk + ["engines"], capture_output=True, text=True).stdout.find("pcap4j") < 0:
        print("pcap4j-no-output: skipped (no pcap4j engine in this build)")
        cmds.pop("pcap4j-no-output")
    if not shutil.which("tshark"):
        for k in [k for k in cmds if k.startswith("tshark")]:
            cmds.pop(k)
    if a.only:
        keep = set(a.only.split(","))
        cmds = {k: v for k, v in cmds.items() if k in keep}
    for k in a.skip.split(","):
        cmds.pop(k, None)

    print("capture: %s (%d frames, %.0f MB); %d rounds, order alternating" % (
        cap, n, os.path.getsize(cap) / 1e6, a.rounds), flush=True)
    results = {k: [] for k in cmds}
    cpus = {k: [] for k in cmds}
    rss = {k: 0.0 for k in cmds}
    names = list(cmds)
    for r in range(a.rounds):
        order = names if r % 2 == 0 else list(reversed(names))
        for k in order:
            wall, m, cpu = measure(cmds[k])
            results[k].append(wall)
            cpus[k].append(cpu)
            rss[k] = max(rss[k], m)
            print("  round %d  %-28s %8.2f s  %6.2f s CPU  %7.0f MB" % (r + 1, k, wall, cpu, m), flush=True)

    med = {k: statistics.median(v) for k, v in results.items()}
    med_cpu = {k: statistics.median(v) for k, v in cpus.items()}
    print()
    # "cores": CPU seconds over wall seconds, how many cores the command kept busy on average (JIT compiler
    # threads and the collector included)
    print("%-28s %10s %14s %10s %8s" % ("command", "median s", "frames/s", "peak MB", "cores"))
    for k in names:
        print("%-28s %10.2f %14.0f %10.0f %8.2f" % (k, med[k], n / med[k], rss[k], med_cpu[k] / med[k]))
    print()

    def ratio(label, num, den, target, higher=True):
        if num in med and den in med:
            v = med[num] / med[den]
            if target is None:   # a comparison the performance targets do not name
                print("%-62s %7.2fx" % (label, v))
                return
            ok = v >= target if higher else v <= target
            print("%-62s %7.2fx  target %s%gx  %s" % (label, v, ">=" if higher else "<=", target,
                                                       "met" if ok else "NOT met"))

    ratio("fields, 67 core: tshark -T fields / pcapkit (1 worker)", "tshark-fields-core", "native-fields-core", 30)
    ratio("fields, 67 core: tshark -T fields / pcapkit (%s workers)" % w, "tshark-fields-core",
          "native-fields-core-w" + w, 30)
    ratio("addresses+ports: dpkt / pcapkit -f fields (1 worker)", "dpkt-addr", "native-fields-addr", 20)
    ratio("addresses+ports: dpkt / pcapkit -f fields (%s workers)" % w, "dpkt-addr", "native-fields-addr-w" + w, 20)
    ratio("json: tshark -T json / pcapkit -f json (1 worker)", "tshark-json", "native-json", 50)
    ratio("json: tshark -T json / pcapkit -f json (%s workers)" % w, "tshark-json", "native-json-w" + w, 50)
    ratio("--no-output / I/O floor (1 worker)", "native-no-output", "io-floor", 2, higher=False)
    ratio("--no-output / I/O floor (%s workers)" % w, "native-no-output-w" + w, "io-floor", 2, higher=False)
    ratio("--workers %s speed-up on --no-output" % w, "native-no-output", "native-no-output-w" + w, 1.7)
    if "native-no-output" in med:
        # No number of workers can finish sooner than the 1-worker run's CPU time spread over every core: the
        # same frames are decoded and the same methods compiled. So the speed-up cannot pass cores × wall / CPU.
        cores = os.cpu_count() or 1
        print("%-62s %7.2fx  (%d cores x %.2f s wall / %.2f s CPU of 1 worker)" % (
            "  ceiling of any --workers speed-up on this machine", cores * med["native-no-output"] /
            med_cpu["native-no-output"], cores, med["native-no-output"], med_cpu["native-no-output"]))
    ratio("tshark -r / pcapkit --no-output", "tshark-r", "native-no-output", 1)
    ratio("pcap4j engine / native engine, --no-output", "pcap4j-no-output", "native-no-output", None)

    if "native-fields-core-w" + w in cmds:
        one = digest(pk + [cap, "-f", "fields"] + e_args(CORE))
        many = digest(pk + [cap, "-f", "fields", "--workers", w] + e_args(CORE))
        print("fields output with %s workers byte-identical to 1 worker: %s" % (w, "yes" if one == many else "NO"))


def memory(a, pk, work):
    small = build_capture(a.frames, work)
    big = build_capture(a.frames * 5, work)
    print("peak RSS, output to /dev/null: %s vs %s" % (os.path.basename(small), os.path.basename(big)))
    print("%-8s %12s %12s %8s" % ("format", "1x MB", "5x MB", "ratio"))
    for fmt in ["fields", "json", "tree", "plist"]:
        extra = e_args(CORE) if fmt == "fields" else []
        m1 = measure(pk + [small, "-f", fmt] + extra)[1]
        m5 = measure(pk + [big, "-f", fmt] + extra)[1]
        print("%-8s %12.0f %12.0f %8.2f  %s" % (fmt, m1, m5, m5 / m1,
                                                "met" if m5 <= 1.15 * m1 and m5 < 512 else "NOT met"), flush=True)


if __name__ == "__main__":
    main()
