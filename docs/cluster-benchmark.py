#!/usr/bin/env python3
"""Throughput of one node against two behind nginx, on the cluster of `./claimdesk cluster start`
(docs/benchmarks.md, "Several nodes"). Python 3 standard library only; loopback only.

  ./claimdesk cluster start
  python3 docs/cluster-benchmark.py --seconds 20 --threads 8

Runs the same mixed load twice for --seconds each: first against node1 alone (its own port),
then through nginx, which spreads the clients' sessions (one per thread) over both nodes. Each
thread repeats: the case list, a search, a claimant created (a write with its audit event). Prints
requests per second and latency percentiles for each run.
"""
import argparse
import base64
import json
import statistics
import threading
import time
import urllib.request

PASSWORD = "claimdesk-demo"


def token(base, user):
    basic = base64.b64encode(f"{user}:{PASSWORD}".encode()).decode()
    req = urllib.request.Request(
        base + "api/tokens", data=b'{"name":"cluster benchmark"}', method="POST",
        headers={"Authorization": "Basic " + basic, "Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(req))["token"]


def run(base, bearer, seconds, threads, label):
    latencies, errors, lock = [], [0], threading.Lock()
    stop = time.monotonic() + seconds

    def worker(n):
        i = 0
        while time.monotonic() < stop:
            i += 1
            for method, path, body in (
                    ("GET", "api/cases?limit=20", None),
                    ("GET", "api/search?q=Nordkorea&kind=claim", None),
                    ("POST", "api/claimants", json.dumps(
                        {"name": f"Last {label} {n}-{i}-{time.time_ns()}"}).encode())):
                req = urllib.request.Request(base + path, data=body, method=method, headers={
                    "Authorization": "Bearer " + bearer, "Content-Type": "application/json"})
                t0 = time.perf_counter()
                try:
                    urllib.request.urlopen(req, timeout=30).read()
                    ok = True
                except Exception:
                    ok = False
                with lock:
                    if ok:
                        latencies.append(time.perf_counter() - t0)
                    else:
                        errors[0] += 1

    pool = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    started = time.monotonic()
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    took = time.monotonic() - started
    lat = sorted(latencies)
    print(f"{label}: {len(lat) / took:.0f} requests/s over {took:.0f} s, "
          f"p50 {1000 * statistics.median(lat):.0f} ms, p95 {1000 * lat[int(0.95 * len(lat))]:.0f} ms, "
          f"p99 {1000 * lat[int(0.99 * len(lat))]:.0f} ms, {errors[0]} errors")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--balancer", default="http://127.0.0.1:8080/")
    p.add_argument("--node", default="http://127.0.0.1:8081/")
    p.add_argument("--seconds", type=int, default=20)
    p.add_argument("--threads", type=int, default=8)
    a = p.parse_args()
    bearer = token(a.node, "factchecker")
    run(a.node, bearer, 5, a.threads, "warm-up")
    run(a.node, bearer, a.seconds, a.threads, "one node")
    run(a.balancer, bearer, a.seconds, a.threads, "two nodes behind nginx")


if __name__ == "__main__":
    main()
