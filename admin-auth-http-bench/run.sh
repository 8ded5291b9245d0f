#!/bin/sh
# The HTTP benchmark in one command, from anywhere: builds the executable jar, then runs every phase.
# The harness pins each server to core 0 and itself (the load generator) to core 1 when taskset exists,
# and writes report.md, samples.csv and the servers' logs to admin-auth-http-bench/results/<UTC stamp>/.
# Usage: admin-auth-http-bench/run.sh [--rounds 5] [--seconds 8] [--warmup 6] [--connections 4]
#        [--distinct 10000] [--phases resource,token] [--scenarios one,distinct,none,cookie]
#        [--out DIR] [--pin true]
set -eu
cd "$(dirname "$0")/.."
mvn -B -q -pl admin-auth-http-bench -am package -DskipTests
exec java -jar admin-auth-http-bench/target/http-bench.jar "$@"
