#!/usr/bin/env python3
"""Times ClaimDesk's case queues and the dashboard over REST and JSF (docs/benchmarks.md).

Needs a running ClaimDesk in demo mode (the demo accounts sign in) and, to generate cases, started
with CLAIMDESK_GENERATOR_ENABLED=true. Python 3 standard library only.

  python3 docs/queue-benchmark.py --base http://127.0.0.1:8080/ --generate 100000
  python3 docs/queue-benchmark.py --base http://127.0.0.1:8080/        # measure only
  python3 docs/queue-benchmark.py --base http://127.0.0.1:8080/ --dashboard-only

Each measurement is the first request (a cold query on a warmed-up server) and the median of the
next five identical ones.
"""
import argparse
import base64
import http.cookiejar
import json
import re
import statistics
import time
import urllib.parse
import urllib.request

PASSWORD = "claimdesk-demo"


def token(base, user):
    basic = base64.b64encode(f"{user}:{PASSWORD}".encode()).decode()
    req = urllib.request.Request(
        base + "api/tokens", data=b'{"name":"queue benchmark"}', method="POST",
        headers={"Authorization": "Basic " + basic, "Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(req))["token"]


def call(url, bearer=None, opener=None, method="GET"):
    """(seconds, status, body bytes) of one request, body read completely."""
    req = urllib.request.Request(url, method=method)
    if bearer:
        req.add_header("Authorization", "Bearer " + bearer)
    started = time.perf_counter()
    with (opener.open(req) if opener else urllib.request.urlopen(req, timeout=600)) as r:
        body = r.read()
        return time.perf_counter() - started, r.status, body


def browser_session(base, user):
    """Signs in through the login form like a browser (ViewState and PrimeFaces' CSP nonce)."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "login.xhtml").read().decode()
    state = re.search(r'name="jakarta.faces.ViewState"[^>]*value="([^"]*)"', page).group(1)
    nonce = re.search(r"csp.init\('([^']*)'", page).group(1)
    form = urllib.parse.urlencode({
        "login": "login", "login:username": user, "login:password": PASSWORD, "login:submit": "",
        "jakarta.faces.ViewState": state, "primefaces.nonce": nonce}).encode()
    opener.open(base + "login.xhtml", data=form).read()
    return opener


def measure(label, run):
    first = run()
    rest = [run() for _ in range(5)]
    print(f"| {label} | {first[0] * 1000:.1f} ms | {statistics.median(t for t, *_ in rest) * 1000:.1f} ms |"
          f" {first[2]} |", flush=True)
    return first


def rest(base, bearer, query):
    def run():
        seconds, _, body = call(base + "api/cases?" + query, bearer)
        page = json.loads(body)
        return seconds, page.get("next"), f"{len(page['items'])} cases"
    return run


def jsf(base, opener, query):
    def run():
        seconds, _, body = call(base + "cases/index.xhtml?" + query, opener=opener)
        text = body.decode()
        count = re.search(r'id="count" class="count">([^<]*)<', text)
        rows = text.count('class="case-link"')
        return seconds, None, f"{rows} rows, '{count.group(1) if count else '?'}'"
    return run


def csv(base, bearer, query):
    def run():
        seconds, _, body = call(base + "api/cases/export?" + query, bearer)
        rows = body.count(b"\n") - 1
        return seconds, None, f"{rows} rows, {len(body) / 1e6:.1f} MB"
    return run


def dashboard_rest(base, bearer):
    def run():
        seconds, _, body = call(base + "api/dashboard", bearer)
        f = json.loads(body)
        return seconds, None, (f"{f['cases']} cases, {f['overdue']} overdue, {len(f['people'])} people,"
                               f" {f['published']} published, median {f.get('medianDaysToPublication')}")
    return run


def dashboard_jsf(base, opener):
    def run():
        seconds, _, body = call(base + "index.xhtml", opener=opener)
        text = body.decode()
        charts, people = text.count('class="ui-chart'), text.count('class="person-queue')
        return seconds, None, f"{charts} charts, {people} people"
    return run


def measure_dashboard(base, checker, page):
    dashboard_rest(base, checker)()  # warm up (JAX-RS, JSF view); the figures are all there is
    dashboard_jsf(base, page)()
    measure("REST GET /api/dashboard", dashboard_rest(base, checker))
    measure("JSF dashboard (index.xhtml, with the charts)", dashboard_jsf(base, page))


def walk(base, bearer, query, limit=500):
    """Every page of a queue by key; the times of the first, middle and last pages."""
    times, after, rows = [], None, 0
    while True:
        seconds, _, body = call(base + f"api/cases?{query}&limit={limit}"
                                + (f"&after={after}" if after else ""), bearer)
        page = json.loads(body)
        times.append(seconds)
        rows += len(page["items"])
        after = page.get("next")
        if not after:
            return rows, times


def main():
    args = argparse.ArgumentParser()
    args.add_argument("--base", default="http://127.0.0.1:8080/")
    args.add_argument("--generate", type=int, default=0)
    args.add_argument("--dashboard-only", action="store_true")
    a = args.parse_args()
    base = a.base if a.base.endswith("/") else a.base + "/"
    checker = token(base, "factchecker")
    if a.generate:
        started = time.perf_counter()
        req = urllib.request.Request(base + f"api/cases/generate?count={a.generate}", method="POST")
        req.add_header("Authorization", "Bearer " + token(base, "admin"))
        with urllib.request.urlopen(req, timeout=3600) as r:
            for line in r:
                progress = json.loads(line)
                if progress.get("batch", 0) % 10 == 0 or progress.get("done"):
                    print(line.decode().strip(), flush=True)
        print(f"generated {a.generate} cases in {time.perf_counter() - started:.1f} s")

    page = browser_session(base, "factchecker")
    if a.dashboard_only:
        print("| What | First | Median of 5 | Result |\n|---|---|---|---|")
        measure_dashboard(base, checker, page)
        return
    # warm the code paths (JAX-RS, JSF view, CSV) with a query not measured below, so that "first"
    # shows a cold query, not a cold server
    rest(base, checker, "queue=mine&tag=warm-up")()
    jsf(base, page, "queue=mine&tag=warm-up")()
    csv(base, checker, "queue=mine&tag=warm-up")()

    print("| What | First | Median of 5 | Result |\n|---|---|---|---|")
    measure("REST all cases, newest first, page 1 (50)", rest(base, checker, "queue=all"))
    measure("REST sorted by due date, page 1", rest(base, checker, "queue=all&sort=due"))
    measure("REST sorted by priority, page 1", rest(base, checker, "queue=all&sort=priority"))
    measure("REST sorted by title, page 1", rest(base, checker, "queue=all&sort=title"))
    measure("REST filtered priority=URGENT + tag=klima, page 1",
            rest(base, checker, "queue=all&priority=URGENT&tag=klima"))
    measure("REST team queue (unassigned, by priority), page 1", rest(base, checker, "queue=team"))
    measure("REST overdue, page 1", rest(base, checker, "queue=overdue"))
    measure("REST my cases, page 1", rest(base, checker, "queue=mine"))
    measure("REST title contains 'fall 4711', page 1", rest(base, checker, "queue=all&q=fall%204711"))

    for query in ["queue=all", "queue=all&sort=due"]:
        rows, times = walk(base, checker, query)
        print(f"| REST key-paged walk `{query}`, 500 a page: first / middle / last page"
              f" | {times[0] * 1000:.1f} ms | {statistics.median(times) * 1000:.1f} ms median"
              f" | {rows} cases in {len(times)} pages, last page {times[-1] * 1000:.1f} ms,"
              f" page {len(times) // 2} {times[len(times) // 2] * 1000:.1f} ms, total {sum(times):.1f} s |",
              flush=True)

    measure("JSF all cases, page 1 (with the count)", jsf(base, page, "queue=all"))
    measure("JSF sorted by due date", jsf(base, page, "queue=all&sort=due&order=asc"))
    measure("JSF filtered priority=URGENT + tag=klima",
            jsf(base, page, "queue=all&priority=URGENT&tag=klima"))
    measure("JSF all cases at row 50,000 (offset; counts 1,000 ahead)",
            jsf(base, page, "queue=all&first=50000"))
    measure("JSF sorted by due date at row 90,000", jsf(base, page, "queue=all&sort=due&first=90000"))

    measure("CSV export priority=URGENT + tag=klima", csv(base, checker, "priority=URGENT&tag=klima"))
    measure("CSV export team queue (unassigned)", csv(base, checker, "queue=team&sort=due"))
    first = csv(base, checker, "queue=all")()
    print(f"| CSV export of all cases (once) | {first[0] * 1000:.0f} ms | | {first[2]} |")
    measure_dashboard(base, checker, page)


if __name__ == "__main__":
    main()
