#!/usr/bin/env python3
"""ClaimDesk at newsroom scale: one command for the figures of docs/benchmarks.md ("At newsroom scale").

  python3 docs/scale-benchmark.py                      # H2 and PostgreSQL, 1,000,000 cases
  python3 docs/scale-benchmark.py --databases h2 --cases 100000 --seconds 10   # a quicker look

For each database it builds the data set once (kept under target/scale/<database>/ for the next
run), then starts ClaimDesk with -Xmx512m and an empty search index, times the start-up and the
background rebuild, runs the wrk sequence (16 connections, parameters varied per request so that no
result cache answers), stops ClaimDesk, and measures the H2 file before and after compaction. It
also times a bare Payara Micro with a one-class JAX-RS WAR against ClaimDesk's restart. The table
goes to standard output and, with --write, into docs/benchmarks.md between the scale-benchmark
markers, with the machine's description. Loopback only; every server it starts, it stops.

Needs: the built launcher (./claimdesk builds on first use), wrk (Debian package), and for
PostgreSQL the server binaries (/usr/lib/postgresql/<version>/bin). Python 3 standard library only.
"""
import argparse
import base64
import glob
import http.cookiejar
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "target", "scale")
LUA = os.path.join(ROOT, "docs", "scale", "requests.lua")
PASSWORD = "claimdesk-demo"
HEAP = "-Xmx512m"
START, END = "<!-- scale-benchmark:start -->", "<!-- scale-benchmark:end -->"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url, headers=None, timeout=30):
    req = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
    except (urllib.error.URLError, ConnectionError, socket.timeout):
        return None, b""


def post(url, body, headers, timeout=3600):
    req = urllib.request.Request(url, data=body, method="POST", headers=headers)
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return r.read()


def await_archive_noted(root, pid, limit=5):
    """Before a start is stopped: if it writes a class-data archive, wait until the launcher noted
    it ready (it looks once a second). A start stopped sooner leaves its archive unused, and the
    next start of that build would run without class data sharing (about 1 s slower)."""
    if not os.path.exists(os.path.join(root, "target", "cds", f"claimdesk.jsa.{pid}.log")):
        return
    ready = os.path.join(root, "target", "cds", f"claimdesk.jsa.{pid}.ready")
    began = time.monotonic()
    while not os.path.exists(ready) and time.monotonic() - began < limit:
        time.sleep(0.1)


class Server:
    """One ClaimDesk started by the launcher, on a port and data folder of its own."""

    def __init__(self, name, env, heap=None):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        self.log_path = os.path.join(WORK, re.sub(r"[^A-Za-z0-9=+.,-]+", "_", name) + ".log")
        full = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMDESK_")}
        full.update(env)
        full["CLAIMDESK_PORT"] = str(self.port)
        full["CLAIMDESK_GENERATOR_ENABLED"] = "true"
        if heap:
            full["JAVA_OPTS"] = heap
        self.started = time.monotonic()
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen(
            ["bash", os.path.join(ROOT, "claimdesk"), "demo"], cwd=ROOT, env=full,
            stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)

    def await_ready(self, limit=900):
        """Seconds from the launcher's start to /api/health/ready 200."""
        while time.monotonic() - self.started < limit:
            if self.process.poll() is not None:
                raise SystemExit(f"ClaimDesk ended with {self.process.returncode}: {self.log_path}")
            status, _ = get(self.base + "api/health/ready", timeout=5)
            if status == 200:
                return time.monotonic() - self.started
            time.sleep(0.1)
        raise SystemExit(f"ClaimDesk not ready within {limit} s: {self.log_path}")

    def health(self):
        status, body = get(self.base + "api/health/ready", timeout=10)
        return json.loads(body) if status == 200 else None

    def token(self, user):
        basic = base64.b64encode(f"{user}:{PASSWORD}".encode()).decode()
        body = post(self.base + "api/tokens", b'{"name":"scale benchmark"}',
                    {"Authorization": "Basic " + basic, "Content-Type": "application/json"}, 60)
        return json.loads(body)["token"]

    def session_cookie(self, user):
        """Signs in through the login form like a browser; returns the JSESSIONID cookie."""
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        page = opener.open(self.base + "login.xhtml").read().decode()
        state = re.search(r'name="jakarta.faces.ViewState"[^>]*value="([^"]*)"', page).group(1)
        nonce = re.search(r"csp.init\('([^']*)'", page).group(1)
        form = urllib.parse.urlencode({
            "login": "login", "login:username": user, "login:password": PASSWORD,
            "login:submit": "", "jakarta.faces.ViewState": state,
            "primefaces.nonce": nonce}).encode()
        opener.open(self.base + "login.xhtml", data=form).read()
        return next(c.value for c in jar if c.name == "JSESSIONID")

    def rss_mb(self):
        total = 0
        for pid in [self.process.pid] + children(self.process.pid):
            try:
                with open(f"/proc/{pid}/status") as f:
                    m = re.search(r"VmRSS:\s+(\d+) kB", f.read())
                    total += int(m.group(1)) if m else 0
            except OSError:
                pass
        return total / 1024

    def stop(self):
        """SIGTERM to the whole process group; seconds until it ended."""
        began = time.monotonic()
        if self.process.poll() is None:
            await_archive_noted(ROOT, self.process.pid)
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(120)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()
        return time.monotonic() - began


def children(pid):
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    found = [int(p) for p in out.split()]
    return found + [g for c in found for g in children(c)]


class Postgres:
    """A private PostgreSQL cluster in /tmp/claimdesk-scale-postgresql, with its marker."""

    def __init__(self):
        versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        if not versions:
            raise SystemExit("PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin)")
        self.bin = os.path.dirname(versions[-1])
        # outside target/ (the postgres user must reach it); kept between runs
        self.dir = "/tmp/claimdesk-scale-postgresql"
        self.data = os.path.join(self.dir, "data")
        self.port = free_port()
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def run(self, *args):
        subprocess.run(self.as_postgres + list(args), check=True, capture_output=True)

    def start(self):
        fresh = not os.path.isdir(self.data)
        os.makedirs(self.dir, exist_ok=True)
        if self.as_postgres:
            shutil.chown(self.dir, "postgres", "postgres")
        if fresh:
            self.run(os.path.join(self.bin, "initdb"), "-D", self.data, "-U", "postgres",
                     "-E", "UTF8", "--locale=C", "--auth-local=trust", "--auth-host=trust")
        self.run(os.path.join(self.bin, "pg_ctl"), "-D", self.data, "-l",
                 os.path.join(self.dir, "postgresql.log"), "-w", "-t", "120", "-o",
                 f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1", "start")
        if fresh:
            self.psql("CREATE ROLE claimdesk LOGIN PASSWORD 'claimdesk'")
            self.psql("CREATE DATABASE claimdesk OWNER claimdesk TEMPLATE template0")

    def psql(self, sql, database="postgres"):
        return subprocess.run(
            self.as_postgres + [os.path.join(self.bin, "psql"), "-h", self.dir, "-p",
                                str(self.port), "-U", "postgres", "-d", database, "-At", "-c", sql],
            check=True, capture_output=True, text=True).stdout.strip()

    def stop(self):
        self.run(os.path.join(self.bin, "pg_ctl"), "-D", self.data, "-m", "fast", "stop")

    def cases(self):
        """Cases in ClaimDesk's database (0 before its first start)."""
        if not self.psql("SELECT to_regclass('public.fact_case')", "claimdesk"):
            return 0
        return int(self.psql("SELECT count(*) FROM fact_case", "claimdesk"))

    def env(self):
        return {"CLAIMDESK_DB_URL": f"jdbc:postgresql://127.0.0.1:{self.port}/claimdesk",
                "CLAIMDESK_DB_USER": "claimdesk", "CLAIMDESK_DB_PASSWORD": "claimdesk"}


def wrk(server, kind, auth, seconds, max_id):
    """(requests/s, p50, p95, p99 ms, errors) of one wrk run after a warm-up of the same mix."""
    def once(duration):
        run = subprocess.run(
            ["wrk", "-t2", "-c16", f"-d{duration}s", "--timeout", "10s", "-s", LUA,
             server.base.rstrip("/"), "--", kind, auth, str(max_id)],
            capture_output=True, text=True)
        out = run.stdout + run.stderr
        m = re.search(r"RESULT requests=(\d+) seconds=([\d.]+) errors=(\d+) non2xx=(\d+) "
                      r"p50=([\d.]+) p95=([\d.]+) p99=([\d.]+) bytes=(\d+)", out)
        if not m:
            raise SystemExit("wrk printed no RESULT line:\n" + out)
        n, secs, errors, non2xx, p50, p95, p99, size = m.groups()
        return {"rps": int(n) / float(secs), "p50": float(p50), "p95": float(p95),
                "p99": float(p99), "errors": int(errors) + int(non2xx), "bytes": int(size)}
    once(max(3, seconds // 4))
    return once(seconds)


# cases per generator request: each request a few minutes, progress kept between them
CHUNK = 100_000


def generate(server, cases, life_events, progress):
    """Generates cases through the generator endpoint (one JSON line per 1,000), each with
    life_events audit events of its life, in requests of at most CHUNK cases; calls
    progress(cases so far) after each request, so that a run cut short tops up what is there."""
    token = server.token("admin")
    done = 0
    while done < cases:
        count = min(CHUNK, cases - done)
        req = urllib.request.Request(
            server.base + f"api/cases/generate?count={count}&lifeEvents={life_events}",
            method="POST", headers={"Authorization": "Bearer " + token})
        last = ""
        with urllib.request.urlopen(req, timeout=7200) as r:
            for line in r:
                last = line.decode().strip()
        reply = json.loads(last) if last.startswith("{") else {}
        done += int(reply.get("generated", 0))
        progress(done)
        print(f"    {done:,} of {cases:,}", flush=True)
        if reply.get("done") is not True:
            raise SystemExit(f"the generator stopped before the end (last line: {last}); see its log")


def h2_size_mb(folder):
    return sum(os.path.getsize(p) for p in glob.glob(os.path.join(folder, "*.mv.db"))) / 2**20


def compact(env, folder):
    """The documented maintenance command on the file the run left: (measured, notes)."""
    full = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMDESK_")}
    full.update(env)
    began = time.monotonic()
    done = subprocess.run(["bash", os.path.join(ROOT, "claimdesk"), "compact"], cwd=ROOT,
                          env=full, capture_output=True, text=True)
    seconds = time.monotonic() - began
    if done.returncode != 0:
        raise SystemExit(f"./claimdesk compact failed ({done.returncode}): {done.stderr.strip()}")
    print("   ", done.stdout.strip(), flush=True)
    return f"{h2_size_mb(folder):.0f} MB in {seconds:.0f} s", done.stdout.strip()


def busiest_person(server, token):
    """The person with the most cases (the generator spreads them over the demo people)."""
    status, body = get(server.base + "api/dashboard", {"Authorization": "Bearer " + token})
    people = json.loads(body).get("people", []) if status == 200 else []
    best = max(people, key=lambda p: p.get("open", 0), default=None)
    return best["username"] if best else "factchecker"


def measure_database(db, args, rows):
    folder = os.path.join(WORK, db)
    os.makedirs(folder, exist_ok=True)
    pg = None
    env = {"CLAIMDESK_INDEX_DIR": os.path.join(folder, "index")}
    if db == "h2":
        env["CLAIMDESK_DB_URL"] = (f"jdbc:h2:file:{folder}/claimdesk;WRITE_DELAY=0;"
                                   "LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE")
    else:
        pg = Postgres()
        pg.start()
        env.update(pg.env())
    try:
        # "cases life-events" (older: cases only), beside the data it describes: the cluster lives
        # outside target/, and a marker in a new worktree once let a second million be generated
        # into a cluster that held one
        kept = pg.dir if pg else folder
        marker = os.path.join(kept, "generated")
        have = open(marker).read().split() if os.path.exists(marker) else ["0", "0"]
        if pg:
            held = pg.cases()
            if held != int(have[0]):
                raise SystemExit(f"the cluster in {pg.dir} holds {held:,} cases, its marker says "
                                 f"{int(have[0]):,}; remove {pg.dir} to generate again")
        if have[0] != "0" and int(have[1] if len(have) > 1 else 0) != args.life_events:
            raise SystemExit(f"{kept} was generated with other --life-events; remove it first")
        if int(have[0]) < args.cases:
            print(f"[{db}] generating {args.cases:,} cases (once; kept in {kept})", flush=True)

            def progress(generated):
                with open(marker, "w") as f:
                    f.write(f"{int(have[0]) + generated} {args.life_events}")

            server = Server(f"{db}-generate", env)
            server.await_ready()
            began = time.monotonic()
            try:
                generate(server, args.cases - int(have[0]), args.life_events, progress)  # the rest
            finally:
                server.stop()
            seconds = time.monotonic() - began
            if pg:
                pg.psql("ANALYZE", "claimdesk")
            rows.append((db, f"generate {args.cases - int(have[0]):,} cases (claims, articles,"
                             f" people) and {(args.cases - int(have[0])) * args.life_events:,}"
                             " audit events of their lives",
                         f"{seconds:.0f} s", ""))
            if db == "h2":
                # as a newsroom would after a bulk load (docs/operations.md): H2 keeps old pages
                # while busy, and a million cases left a 44 GB file that no page cache holds
                rows.append((db, "`./claimdesk compact` after generating", *compact(env, folder)))
        if args.generate_only:
            return
        shutil.rmtree(env["CLAIMDESK_INDEX_DIR"], ignore_errors=True)
        print(f"[{db}] start with {HEAP} and no search index", flush=True)
        server = Server(f"{db}-{HEAP}", env, heap=HEAP)
        ready = server.await_ready()
        rows.append((db, f"start-up to ready, {HEAP}, index missing", f"{ready:.1f} s", ""))
        peak_rss = 0
        began = time.monotonic()
        seen = None
        while True:
            health = server.health() or {}
            rebuild = (health.get("search") or {}).get("rebuild")
            peak_rss = max(peak_rss, server.rss_mb())
            if rebuild:
                seen = rebuild
            elif seen is not None or time.monotonic() - began > 5:
                break
            if time.monotonic() - began > 3600:
                raise SystemExit("the rebuild took more than an hour")
            time.sleep(1)
        log = open(server.log_path).read()
        m = re.search(r"Search index rebuilt with (\d+) entries\. .* \((\d+) s\)", log)
        rows.append((db, "search index rebuild in the background, " + HEAP,
                     f"{m.group(2)} s, {int(m.group(1)):,} entries" if m else "not logged",
                     f"RSS up to {peak_rss:.0f} MB; progress seen in /api/health: "
                     + ("yes" if seen else "no")))
        try:
            sequence(server, db, args, rows)
        finally:
            before = h2_size_mb(folder) if db == "h2" else None
            server.stop()
        if db == "h2":
            rows.append((db, "H2 file after the run, stopped", f"{h2_size_mb(folder):.0f} MB",
                         f"{before:.0f} MB while running"))
            if not args.skip_compact:
                rows.append((db, "`./claimdesk compact`, ClaimDesk stopped", *compact(env, folder)))
        else:
            size = pg.psql("SELECT pg_size_pretty(pg_database_size('claimdesk'))")
            rows.append((db, "database size", size, ""))
        if db == "h2" and not args.skip_restart:
            server = Server(f"{db}-restart", env)
            ready = server.await_ready()
            server.stop()
            rows.append((db, "restart to ready, index present, default heap", f"{ready:.1f} s", ""))
    finally:
        if pg:
            pg.stop()


def sequence(server, db, args, rows):
    """The wrk runs against one started ClaimDesk."""
    admin = server.token("admin")
    person = busiest_person(server, admin)
    bearer = "Bearer " + server.token(person)
    # a session per connection, as 16 people would have: one person's requests wait for each
    # other in their session
    cookie = "Cookie: JSESSIONID=" + ",".join(server.session_cookie(person) for _ in range(16))
    print(f"[{db}] wrk sequence as {person}", flush=True)
    runs = [
        ("live", "-", "`/api/health/live` (no database)"),
        ("ready", "-", "`/api/health/ready` (database)"),
        ("cases", bearer, "REST case list, all, sort and page size varied"),
        ("mine", bearer, f"REST my cases ({person}), page size varied"),
        ("jsf-all", cookie, "JSF queue page, all cases, page varied"),
        ("jsf-mine", cookie, "JSF queue page, my cases, page varied"),
        ("similar", bearer, "similar claims of a random claim"),
        ("search", bearer, "full-text search, word varied"),
    ]
    if args.warm_up:
        # the JIT needs minutes of every path on two cores; a server runs all day, so the figures
        # are its steady state, not its first minutes
        print(f"[{db}] warm-up: {args.warm_up} s of each kind", flush=True)
        for kind, auth, _ in runs:
            wrk(server, kind, auth, args.warm_up, args.cases)
    for kind, auth, what in runs:
        r = wrk(server, kind, auth, args.seconds, args.cases)
        rows.append((db, what + f", 16 clients, {HEAP}",
                     f"{r['rps']:.0f} req/s, p50 {r['p50']:.1f} ms, p95 {r['p95']:.1f} ms,"
                     f" p99 {r['p99']:.1f} ms",
                     f"{r['errors']} errors, {r['bytes'] / 1024:.0f} KB per answer"))
        print("   ", rows[-1], flush=True)
    rows.append((db, "RSS after the sequence", f"{server.rss_mb():.0f} MB", ""))


def hello_war():
    """A one-class JAX-RS WAR, built with javac against the Jakarta EE API jar Maven fetched."""
    api = sorted(glob.glob(os.path.expanduser(
        "~/.m2/repository/jakarta/platform/jakarta.jakartaee-api/10.*/jakarta.jakartaee-api-10.*.jar")))
    if not api:
        raise SystemExit("jakarta.jakartaee-api 10 not in ~/.m2 (mvn package fetches it)")
    build = tempfile.mkdtemp(prefix="hello-war-")
    src = os.path.join(build, "Hello.java")
    with open(src, "w") as f:
        f.write('import jakarta.ws.rs.*; import jakarta.ws.rs.core.Application;\n'
                '@ApplicationPath("api") public class Hello extends Application {\n'
                '  @Path("health") public static class R { @GET public String get() { return "UP"; } }\n'
                '  @Override public java.util.Set<Class<?>> getClasses() { return java.util.Set.of(R.class); } }\n')
    classes = os.path.join(build, "WEB-INF", "classes")
    os.makedirs(classes)
    subprocess.run(["javac", "-cp", api[-1], "-d", classes, src], check=True)
    war = os.path.join(build, "hello.war")
    subprocess.run(["jar", "cf", war, "-C", build, "WEB-INF"], check=True)
    return war


def bare_payara_seconds(war):
    port = free_port()
    began = time.monotonic()
    p = subprocess.Popen(
        ["java", "-jar", os.path.join(ROOT, "target", "payara-micro.jar"), "--nocluster",
         "--port", str(port), "--contextroot", "/", "--deploy", war],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        while time.monotonic() - began < 300:
            status, _ = get(f"http://127.0.0.1:{port}/api/health", timeout=5)
            if status == 200:
                return time.monotonic() - began
            time.sleep(0.1)
        raise SystemExit("the bare Payara Micro did not answer within 300 s")
    finally:
        os.killpg(p.pid, signal.SIGTERM)
        p.wait(60)


def startup_comparison(rows):
    war = hello_war()
    folder = os.path.join(WORK, "startup")
    shutil.rmtree(folder, ignore_errors=True)
    env = {"CLAIMDESK_DB_URL": f"jdbc:h2:file:{folder}/claimdesk;WRITE_DELAY=0;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE",
           "CLAIMDESK_INDEX_DIR": os.path.join(folder, "index")}
    bare = [bare_payara_seconds(war) for _ in range(2)]
    first = Server("startup-first", env)
    cold = first.await_ready()
    first.stop()
    again = Server("startup-again", env)
    warm = again.await_ready()
    again.stop()
    rows.append(("startup", "bare Payara Micro, one-class JAX-RS WAR, to its first 200",
                 " / ".join(f"{s:.1f} s" for s in bare), ""))
    rows.append(("startup", "ClaimDesk demo, new database (migrations, demo import) to ready",
                 f"{cold:.1f} s", f"{cold - min(bare):+.1f} s against bare Payara"))
    rows.append(("startup", "ClaimDesk demo, restart with data and index to ready",
                 f"{warm:.1f} s", f"{warm - min(bare):+.1f} s against bare Payara"))


def machine(load_before):
    cpu = re.search(r"model name\s*:\s*(.*)", open("/proc/cpuinfo").read())
    mem = re.search(r"MemTotal:\s+(\d+)", open("/proc/meminfo").read())
    # the version's first line, not the JVM's "Picked up JDK_JAVA_OPTIONS" note
    java = next(line for line in subprocess.run(["java", "-version"], capture_output=True,
                                                text=True).stderr.splitlines()
                if not line.startswith("NOTE:"))
    return (f"{os.cpu_count()} cores ({cpu.group(1) if cpu else 'unknown CPU'}), "
            f"{int(mem.group(1)) / 2**20:.0f} GiB, {java}, load average before the run "
            f"{load_before:.1f}")


def table(rows, args, started, load_before):
    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} by `python3 docs/scale-benchmark.py "
        f"{' '.join(shlex.quote(a) for a in sys.argv[1:])}`"
        f" in {(time.monotonic() - started) / 60:.0f} min. Machine: {machine(load_before)}.",
        "", "| Database | What | Measured | Notes |", "|---|---|---|---|"]
    lines += [f"| {db} | {what} | {value} | {note} |" for db, what, value, note in rows]
    return "\n".join(lines)


def build_first():
    """Builds the WAR now if the launcher would (a source newer than it), so that no start-up row
    times a build."""
    war = os.path.join(ROOT, "target", "claimdesk.war")
    built = os.path.getmtime(war) if os.path.exists(war) else 0
    paths = [os.path.join(ROOT, "pom.xml")]
    for top in ("src/main", "webapp", "sql"):
        for folder, _, names in os.walk(os.path.join(ROOT, top)):
            paths += [os.path.join(folder, name) for name in names]
    if any(os.path.getmtime(path) > built for path in paths):
        print("building the WAR first (mvn -DskipTests package)", flush=True)
        subprocess.run(["mvn", "-B", "-q", "-DskipTests", "package"], cwd=ROOT, check=True)


def main():
    global HEAP
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--life-events", type=int, default=10,
                        help="audit events per generated case (a real case has about ten)")
    parser.add_argument("--seconds", type=int, default=20, help="each wrk run (after a warm-up)")
    parser.add_argument("--warm-up", type=int, default=20,
                        help="seconds of each kind in a first round that is not measured (0: none)")
    parser.add_argument("--databases", type=lambda s: s.split(","), default=["h2", "postgresql"])
    parser.add_argument("--skip-startup", action="store_true")
    parser.add_argument("--skip-restart", action="store_true")
    parser.add_argument("--skip-compact", action="store_true",
                        help="leave out ./claimdesk compact of the H2 file after its run")
    parser.add_argument("--java-opts", default=HEAP,
                        help="JAVA_OPTS of the measured server (to compare a JVM setting at the same heap)")
    parser.add_argument("--write", action="store_true", help="write the table into docs/benchmarks.md")
    parser.add_argument("--generate-only", action="store_true",
                        help="build the missing data sets, then stop (to measure later, on a quiet machine)")
    args = parser.parse_args()
    if args.generate_only and args.write:
        parser.error("--generate-only measures nothing to --write")
    HEAP = args.java_opts
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")
    os.makedirs(WORK, exist_ok=True)
    build_first()
    started = time.monotonic()
    load_before = os.getloadavg()[0]
    rows = []
    for db in args.databases:
        measure_database(db, args, rows)
    if not args.skip_startup and not args.generate_only:
        startup_comparison(rows)
    result = table(rows, args, started, load_before)
    print(result)
    if args.write:
        path = os.path.join(ROOT, "docs", "benchmarks.md")
        text = open(path).read()
        if START not in text:
            raise SystemExit(f"docs/benchmarks.md has no {START} … {END} markers")
        head, rest = text.split(START, 1)
        _, tail = rest.split(END, 1)
        with open(path, "w") as f:
            f.write(head + START + "\n" + result + "\n" + END + tail)


if __name__ == "__main__":
    main()
