#!/usr/bin/env python3
"""Markdown tables for BENCHMARKS.md from one results/<stamp>/ directory of JMH JSON files.

Every ratio is taken within the same JSON file (one JMH run): verify and sign rows against jcaFloor of
the same algorithm, the sign-in exchange against its two signatures alone, threads against the one-thread row, HTTP against noFilter, providers against SunEC.
Usage: tables.py admin-auth-benchmarks/results/<stamp>
"""
import json
import os
import sys

ALGS = ["RS256", "ES256", "EdDSA", "HS256"]


def load(d, name):
    path = os.path.join(d, name + ".json")
    if not os.path.exists(path):
        return []
    with open(path) as f:
        try:
            return json.load(f)
        except json.JSONDecodeError:
            return []  # a run still in progress or killed


def key(r):
    return r["benchmark"].rsplit(".", 1)[1], r.get("params", {}).get("alg")


def index(rows):
    return {key(r): r for r in rows}


def fmt(x):
    if x >= 100:
        return f"{x:,.0f}"
    if x >= 10:
        return f"{x:.1f}"
    return f"{x:.2f}"


def cell(ix, method, alg, floor_method="jcaFloor"):
    r = ix.get((method, alg))
    f = ix.get((floor_method, alg))
    if r is None:
        return "n/a"
    s = r["primaryMetric"]["score"]
    e = r["primaryMetric"]["scoreError"]
    err = "" if e != e else f" ±{100 * e / s:.0f}%"  # NaN when too few iterations
    if f is None or method == floor_method:
        return f"{fmt(s)}{err}"
    return f"{fmt(s)}{err} (**{s / f['primaryMetric']['score']:.2f}**)"


def verify(d):
    ix = index(load(d, "verify"))
    if not ix:
        return
    rows = [("jcaFloor", "JCA floor, JDK provider (ops/s)"),
            ("ours", "**ours, uncached** (target ≥ 0.9 / 0.9 / Nimbus-with-Tink / 0.35)"),
            ("oursCacheHit", "**ours, cache hit**"),
            ("nimbusProcessor", "Nimbus `DefaultJWTProcessor`"),
            ("jjwt", "jjwt"),
            ("auth0JavaJwt", "Auth0 java-jwt"),
            ("springNimbusJwtDecoder", "Spring `NimbusJwtDecoder`")]
    print("| Row (ops/s, ratio to the floor) | " + " | ".join(ALGS) + " |")
    print("|---|" + "---|" * len(ALGS))
    for m, label in rows:
        print(f"| {label} | " + " | ".join(cell(ix, m, a) for a in ALGS) + " |")
    hs = ix.get(("jcaFloor", "HS256"))
    if hs:
        hsf = hs["primaryMetric"]["score"]
        print()
        print("Cache hit against the HS256 floor (target ≥ 1.0): " + ", ".join(
            f"{a} {ix[('oursCacheHit', a)]['primaryMetric']['score'] / hsf:.2f}"
            for a in ALGS if ("oursCacheHit", a) in ix) + ".")
    print()


def sign(d):
    ix = index(load(d, "sign"))
    if not ix:
        return
    rows = [("jcaFloor", "JCA floor, JDK provider (ops/s)"),
            ("ours", "**ours** `sign` (target ≥ 0.9 / 0.9 / 0.9 / 0.35)"),
            ("oursIssue", "**ours** `issue` (+ SecureRandom jti, claims from the clock)"),
            ("nimbus", "Nimbus"), ("jjwt", "jjwt"), ("auth0JavaJwt", "Auth0 java-jwt")]
    print("| Row (ops/s, ratio to the floor) | " + " | ".join(ALGS) + " |")
    print("|---|" + "---|" * len(ALGS))
    for m, label in rows:
        print(f"| {label} | " + " | ".join(cell(ix, m, a) for a in ALGS) + " |")
    print()


def signin(d):
    ix = index(load(d, "signin"))
    if not ix:
        return
    algs = ["RS256", "ES256"]
    rows = [("signaturesFloor", "floor: the access-token and RS256 ID-token signatures, our crypto (ops/s)"),
            ("exchange", "**ours** `authorizationCode` (redeem, PKCE, access + ID token)"),
            ("issueCode", "**ours** `issueAuthorizationCode` (random, keyed hash, store)")]
    print("| Row (ops/s, ratio to the floor), by access-token alg | " + " | ".join(algs) + " |")
    print("|---|" + "---|" * len(algs))
    for m, label in rows:
        print(f"| {label} | " + " | ".join(cell(ix, m, a, "signaturesFloor") for a in algs) + " |")
    print()


def threads(d):
    ix = index(load(d, "threads"))
    if not ix:
        return
    print("| Path | alg | 1 thread (ops/s) | 2 threads (ops/s, total) | 2 / 1 (target ≥ 1.8) |")
    print("|---|---|---|---|---|")
    for path in ["uncached", "cacheHit"]:
        for a in ["RS256", "HS256"]:
            one = ix.get((path + "1t", a))
            two = ix.get((path + "2t", a))
            if one and two:
                s1 = one["primaryMetric"]["score"]
                s2 = two["primaryMetric"]["score"]
                print(f"| {path} | {a} | {fmt(s1)} | {fmt(s2)} | **{s2 / s1:.2f}** |")
    print()


def credentials(d):
    rows = load(d, "credentials")
    if not rows:
        return
    print("| Path | median (µs) | p0.90 | p0.99 | mean | target (median) |")
    print("|---|---|---|---|---|---|")
    targets = {"apiKey": "< 2 µs", "basicCached": "< 5 µs"}
    for r in rows:
        m = key(r)[0]
        p = r["primaryMetric"]["scorePercentiles"]
        print(f"| {m} | **{p['50.0']:.2f}** | {p['90.0']:.2f} | {p['99.0']:.2f} | "
              f"{r['primaryMetric']['score']:.2f} | {targets.get(m, '')} |")
    print()


def http(d):
    ix = index(load(d, "http"))
    if not ix:
        return
    base = ix.get(("noFilter", None))
    print("| Route | requests/s | ratio to no filter |")
    print("|---|---|---|")
    for m, label in [("noFilter", "no filter"), ("bearerCacheHit", "filter, bearer, cache hit (target ≥ 0.85)"),
                     ("bearerCacheMiss", "filter, bearer, cache miss (RS256, full verification)"),
                     ("apiKey", "filter, API key")]:
        r = ix.get((m, None))
        if r:
            s = r["primaryMetric"]["score"]
            e = r["primaryMetric"]["scoreError"]
            err = "" if e != e else f" ±{100 * e / s:.0f}%"
            print(f"| {label} | {fmt(s)}{err} | **{s / base['primaryMetric']['score']:.2f}** |")
    print()


def providers(d):
    rows = load(d, "providers")
    if not rows:
        return
    by_name = {r["benchmark"].rsplit(".", 2)[1] + "." + r["benchmark"].rsplit(".", 1)[1]: r for r in rows}
    print("| Provider (ops/s, × SunEC) | ES256 verify | ES256 sign | Ed25519 verify | Ed25519 sign |")
    print("|---|---|---|---|---|")
    for suffix, label in [("JdkSunEc", "JDK SunEC"), ("BcProvider", "BouncyCastle JCA provider"),
                          ("BcLightweight", "BouncyCastle lightweight (**our default**)"), ("Tink", "Tink")]:
        row = []
        for cls, op in [("Es256", "verify"), ("Es256", "sign"), ("Ed25519", "verify"), ("Ed25519", "sign")]:
            r = by_name.get(f"{cls}ProviderBenchmark.{op}{suffix}")
            base = by_name.get(f"{cls}ProviderBenchmark.{op}JdkSunEc")
            if r and base:
                s = r["primaryMetric"]["score"]
                row.append(f"{fmt(s)} ({s / base['primaryMetric']['score']:.1f}×)")
            else:
                row.append("n/a")
        print(f"| {label} | " + " | ".join(row) + " |")
    print()


if __name__ == "__main__":
    d = sys.argv[1]
    for name, fn in [("Verify", verify), ("Sign", sign), ("Sign-in", signin), ("Threads", threads),
                     ("Credentials", credentials),
                     ("HTTP", http), ("Providers", providers)]:
        print(f"### {name}\n")
        fn(d)
    mem = os.path.join(d, "memory.txt")
    if os.path.exists(mem):
        print("### Memory\n\n```")
        print("".join(l for l in open(mem) if "SLF4J" not in l).rstrip())
        print("```")
