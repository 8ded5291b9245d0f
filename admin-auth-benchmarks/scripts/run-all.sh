#!/bin/sh
# Every table of BENCHMARKS.md, one JMH run per table, raw JSON into results/<stamp>/.
# Usage (from the repository root, after `mvn -B -pl admin-auth-benchmarks -am package -DskipTests`):
#   admin-auth-benchmarks/scripts/run-all.sh [stamp] [jmh options...]
# Default JMH options fit the whole set into about ten minutes on 2 cores; override for longer runs.
set -eu
STAMP=${1:-$(date -u +%Y-%m-%dT%H%M)}
[ $# -gt 0 ] && shift
OPTS=${*:-"-f 1 -wi 2 -w 1s -i 3 -r 1s"}
JAR=admin-auth-benchmarks/target/benchmarks.jar
OUT=admin-auth-benchmarks/results/$STAMP
mkdir -p "$OUT"
{
  echo "stamp: $STAMP"; echo "options: $OPTS"; uptime; nproc
  java -version 2>&1; grep -m1 'model name' /proc/cpuinfo || true
} > "$OUT/machine.txt"
run() {
  name=$1; shift
  echo "== $name $(date -u +%H:%M:%S) load: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"
  # shellcheck disable=SC2086
  java -jar "$JAR" "$@" $OPTS -rf json -rff "$OUT/$name.json" > "$OUT/$name.log" 2>&1
}
# Nimbus SignedJWT (signature only, no claim checks) is left out of the timed set: not a like-for-like peer.
run verify    '^io.admin.auth.benchmarks.VerifyBenchmark\.(jcaFloor|ours|oursCacheHit|nimbusProcessor|jjwt|springNimbusJwtDecoder)$|^io.admin.auth.benchmarks.VerifyAuth0Benchmark\.'
run sign      '^io.admin.auth.benchmarks.Sign(Auth0)?Benchmark\.'
run signin    '^io.admin.auth.benchmarks.AuthorizationCodeBenchmark\.'
run threads   '^io.admin.auth.benchmarks.VerifyThreadsBenchmark\.'
# Sampled latencies: a longer warm-up, or the tail shows the JIT still compiling the API key path.
OPTS_SAVED=$OPTS; OPTS=${CRED_OPTS:-"-f 1 -wi 5 -w 2s -i 3 -r 2s"}
run credentials '^io.admin.auth.benchmarks.CredentialBenchmark\.'
OPTS=$OPTS_SAVED
# HTTP rows warm up slowly (HttpClient and Jetty JIT) and vary more than in-process ones: longer
# iterations, still one run. Override with HTTP_OPTS.
OPTS_SAVED=$OPTS; OPTS=${HTTP_OPTS:-"-f 1 -wi 5 -w 2s -i 5 -r 2s"}
run http      '^io.admin.auth.benchmarks.HttpOverheadBenchmark\.'
OPTS=$OPTS_SAVED
run providers '^io.admin.auth.benchmarks.(Es256|Ed25519)ProviderBenchmark\.'
echo "== memory $(date -u +%H:%M:%S) load: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"
java -Xmx2g -cp "$JAR" io.admin.auth.benchmarks.MemoryFootprint > "$OUT/memory.txt" 2>&1
echo "== done $(date -u +%H:%M:%S) load: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"
