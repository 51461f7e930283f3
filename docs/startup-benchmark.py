#!/usr/bin/env python3
"""Start-up of ClaimDesk against a bare Payara Micro: the figures of docs/benchmarks.md ("Start-up").

  python3 docs/startup-benchmark.py --runs 3
  python3 docs/startup-benchmark.py --runs 3 --kinds restart --opts none= --opts c1=-XX:TieredStopAtLevel=1

Starts, in turn and alternating (each run beginning with another variant) so that a change of the
machine's load hits every variant alike:
a bare Payara Micro with a one-class JAX-RS WAR (to its first 200), and ClaimDesk through
./claimdesk demo, once on a new database ("first": migrations, index, demo import) and once on the
data a first start left ("restart"), each to /api/health/ready 200. Each --opts label=JAVA_OPTS is
one more ClaimDesk variant. Per start it prints the wall time, the CPU time the JVM used until
ready (less sensitive to other processes than the wall time), the 1-minute load average before
the start, and when the log's milestones appeared. --trace adds Payara's deployment trace
(-Dorg.glassfish.deployment.trace=true) and prints its longest steps.

Loopback only, ports from --ports; every server it starts, it stops. Python standard library only.
"""
import argparse
import importlib.util
import os
import re
import shutil
import signal
import statistics
import subprocess
import time
from datetime import datetime

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_spec = importlib.util.spec_from_file_location("scale", os.path.join(ROOT, "docs", "scale-benchmark.py"))
scale = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(scale)

TICKS = os.sysconf("SC_CLK_TCK")
ANSI = re.compile(r"\x1b\[[0-9;]*m")
RECORD = re.compile(r"^\[(\d{4}-\d\d-\d\dT[\d:.]+[+-]\d{4})\]")
# milestones of the log, in the order they appear
MILESTONES = [
    ("payara", "startup time :"),
    ("schema", "Database schema at version"),
    ("deployed", "was successfully deployed in"),
    ("faces", "Running on PrimeFaces"),
    ("index", "Search index"),
    ("claimdesk", "ClaimDesk is ready"),
]
TRACE = re.compile(r"^(\d\d:\d\d:[\d.]+)\t(\d\d:\d\d:[\d.]+)\t(\d+)\t[^\t]*\t([^\t]*)\t([^\t]*)\t([^\t]*)\t(\d+)$")


def cpu_seconds(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime
    except (OSError, IndexError):
        return float("nan")


class Start:
    """One server process, from its start to a 200 on its readiness URL."""

    def __init__(self, command, env, port, url, log_path, cwd=ROOT):
        self.port, self.url, self.log_path = port, url, log_path
        self.load = os.getloadavg()[0]
        self.wall_start = time.time()
        self.began = time.monotonic()
        self.log = open(log_path, "w")
        self.cwd = cwd
        self.process = subprocess.Popen(command, cwd=cwd, env=env, stdout=self.log,
                                        stderr=subprocess.STDOUT, start_new_session=True)

    def await_ready(self, limit=600):
        while time.monotonic() - self.began < limit:
            if self.process.poll() is not None:
                raise SystemExit(f"ended with {self.process.returncode}: {self.log_path}")
            status, _ = scale.get(self.url, timeout=5)
            if status == 200:
                self.seconds = time.monotonic() - self.began
                self.cpu = cpu_seconds(self.process.pid)
                return self
            time.sleep(0.1)
        raise SystemExit(f"not ready within {limit} s: {self.log_path}")

    def stop(self):
        try:
            scale.await_archive_noted(self.cwd, self.process.pid)
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(120)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(60)
        except ProcessLookupError:
            pass
        self.log.close()

    def milestones(self):
        """Seconds after the start at which each milestone was logged."""
        found = {}
        with open(self.log_path, errors="replace") as f:
            text = ANSI.sub("", f.read())
        stamp = None
        for line in text.splitlines():
            m = RECORD.match(line)
            if m:
                stamp = datetime.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S.%f%z").timestamp()
            for name, marker in MILESTONES:
                if name not in found and stamp and marker in line:
                    found[name] = stamp - self.wall_start
        return found

    def trace(self, top=12):
        """The longest deployment steps of Payara's trace (level 2 and 3), in milliseconds."""
        with open(self.log_path, errors="replace") as f:
            rows = [TRACE.match(line) for line in ANSI.sub("", f.read()).splitlines()]
        steps = [(int(m.group(7)), m.group(3), f"{m.group(4)} {m.group(5)} {m.group(6)}".strip())
                 for m in rows if m and m.group(3) in ("2", "3", "4", "5")]
        return sorted(steps, reverse=True)[:top]


def environment(port, folder, java_opts):
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMDESK_") and k != "JAVA_OPTS"}
    env.update({"CLAIMDESK_PORT": str(port),
                "CLAIMDESK_DB_URL": f"jdbc:h2:file:{folder}/claimdesk;WRITE_DELAY=0;LOCK_TIMEOUT=10000",
                "CLAIMDESK_INDEX_DIR": os.path.join(folder, "index")})
    if java_opts:
        env["JAVA_OPTS"] = java_opts
    return env


def claimdesk(kind, label, java_opts, port, work, run):
    label, _, root = label.partition("@")  # label@folder: a copy of the project with a changed build
    root = root or ROOT
    folder = os.path.join(work, f"data-{label}")
    if kind == "first" or not os.path.exists(folder):
        shutil.rmtree(folder, ignore_errors=True)
        if kind == "restart":  # the data a first start leaves, made once and not timed
            s = Start(["bash", "claimdesk", "demo"], environment(port, folder, java_opts), port,
                      f"http://127.0.0.1:{port}/api/health/ready",
                      os.path.join(work, f"prepare-{label}.log"), root).await_ready()
            s.stop()
    return Start(["bash", "claimdesk", "demo"], environment(port, folder, java_opts), port,
                 f"http://127.0.0.1:{port}/api/health/ready",
                 os.path.join(work, f"{kind}-{label}-{run}.log"), root)


def bare(war, java_opts, port, work, run):
    return Start(["java"] + java_opts.split() + ["-jar", os.path.join(ROOT, "target", "payara-micro.jar"),
                  "--nocluster", "--port", str(port), "--contextroot", "/", "--deploy", war],
                 None, port, f"http://127.0.0.1:{port}/api/health", os.path.join(work, f"bare-{run}.log"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--kinds", default="bare,first,restart")
    parser.add_argument("--opts", action="append", default=[],
                        help="label[@project copy]=JAVA_OPTS, one ClaimDesk variant each (default: none=)")
    parser.add_argument("--ports", default="8520-8529")
    parser.add_argument("--work", default=os.path.join(ROOT, "target", "startup-benchmark"))
    parser.add_argument("--trace", action="store_true")
    args = parser.parse_args()
    low, high = map(int, args.ports.split("-"))
    ports = [p for p in range(low, high + 1)]
    os.makedirs(args.work, exist_ok=True)
    trace = " -Dorg.glassfish.deployment.trace=true" if args.trace else ""
    variants = [tuple(o.split("=", 1)) for o in (args.opts or ["none="])]
    kinds = args.kinds.split(",")
    war = scale.hello_war() if "bare" in kinds else None
    results = {}
    for run in range(1, args.runs + 1):
        for kind in kinds:
            # each run starts with another variant, so none always follows the same neighbour
            turn = variants[(run - 1) % len(variants):] + variants[:(run - 1) % len(variants)]
            for label, opts in ([("-", "")] if kind == "bare" else turn):
                port = next(p for p in ports if scale.get(f"http://127.0.0.1:{p}/", timeout=1)[0] is None)
                start = (bare(war, opts + trace, port, args.work, run) if kind == "bare"
                         else claimdesk(kind, label, opts + trace, port, args.work, run))
                try:
                    start.await_ready()
                finally:
                    start.stop()
                marks = " ".join(f"{n} {s:.1f}" for n, s in start.milestones().items())
                print(f"run {run} {kind:7} {label.split('@')[0]:12} {start.seconds:6.1f} s wall {start.cpu:6.1f} s CPU"
                      f"  load {start.load:4.1f}  | {marks}", flush=True)
                if args.trace and kind != "bare":
                    for ms, level, what in start.trace():
                        print(f"      {ms:6d} ms  L{level} {what}")
                results.setdefault((kind, label), []).append((start.seconds, start.cpu, start.load))
    print("\n| Start | Variant | Wall (s), each run | Median wall | Median CPU | Load average |")
    print("|---|---|---|---|---|---|")
    for (kind, label), rs in results.items():
        print(f"| {kind} | {label.split('@')[0]} | {' / '.join(f'{w:.1f}' for w, _, _ in rs)} | "
              f"{statistics.median(w for w, _, _ in rs):.1f} | {statistics.median(c for _, c, _ in rs):.1f} | "
              f"{min(l for _, _, l in rs):.1f}–{max(l for _, _, l in rs):.1f} |")


if __name__ == "__main__":
    main()
