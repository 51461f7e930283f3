#!/usr/bin/env python3
"""Where a JFR recording's CPU samples are: the hottest methods (top frame), the hottest frames
anywhere on the stack (inclusive), and the share per library, from `jfr print --json`.

  python3 docs/scale/jfr-hot.py recording.jfr [--only http-thread-pool] [--under Type.method] [--top 25]
"""
import argparse
import collections
import json
import subprocess

LIBRARIES = [
    ("org.claimdesk.", "ClaimDesk"), ("org.primefaces.", "PrimeFaces"),
    ("com.sun.faces.", "Mojarra (JSF)"), ("jakarta.faces.", "Mojarra (JSF)"),
    ("org.eclipse.persistence.", "EclipseLink"), ("org.h2.", "H2"), ("org.postgresql.", "PostgreSQL"),
    ("org.jboss.weld.", "Weld (CDI)"), ("org.glassfish.jersey.", "Jersey (JAX-RS)"),
    ("org.apache.lucene.", "Lucene"), ("opennlp.", "OpenNLP"), ("org.glassfish.grizzly.", "Grizzly (HTTP)"),
    ("org.apache.catalina.", "Servlet container"), ("com.sun.enterprise.", "Payara"),
    ("fish.payara.", "Payara"), ("org.glassfish.", "GlassFish/Payara"), ("org.omnifaces.", "OmniFaces"),
    ("java.", "JDK"), ("javax.", "JDK"), ("jdk.", "JDK"), ("sun.", "JDK"),
]


def library(frame):
    for prefix, name in LIBRARIES:
        if frame.startswith(prefix):
            return name
    return "other"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("recording")
    p.add_argument("--only", default="", help="keep samples of threads whose name contains this")
    p.add_argument("--top", type=int, default=25)
    p.add_argument("--under", default="", help="keep samples with this method (type.name) on the stack")
    a = p.parse_args()
    raw = subprocess.run(["jfr", "print", "--json", "--stack-depth", "300", "--events", "jdk.ExecutionSample", a.recording],
                         capture_output=True, text=True, check=True).stdout
    events = json.loads(raw)["recording"]["events"]
    top, inclusive, libs, ours = (collections.Counter() for _ in range(4))
    n = 0
    for e in events:
        thread = (e["values"].get("sampledThread") or {}).get("javaName") or ""
        if a.only not in thread:
            continue
        frames = [(f["method"]["type"]["name"] + "." + f["method"]["name"]).replace("/", ".")
                  for f in e["values"]["stackTrace"]["frames"]]
        if not frames or (a.under and not any(a.under in f for f in frames)):
            continue
        n += 1
        top[frames[0]] += 1
        libs[library(frames[0])] += 1
        for f in set(frames):
            inclusive[f] += 1
        first_ours = next((f for f in frames if f.startswith("org.claimdesk.")), None)
        if first_ours:
            ours[first_ours] += 1
    print(f"{n} samples" + (f" on threads named *{a.only}*" if a.only else ""))
    for title, counter in [("Library of the top frame", libs), ("Hottest methods (self)", top),
                           ("Inclusive (on the stack)", inclusive),
                           ("Innermost ClaimDesk frame", ours)]:
        print(f"\n{title}:")
        for name, count in counter.most_common(a.top):
            print(f"  {100 * count / max(n, 1):5.1f} %  {name}")


if __name__ == "__main__":
    main()
