#!/usr/bin/env bash
# Builds (unless --no-build) and starts the admin-auth dev server (module admin-auth-devserver).
# Every other argument goes to the server; ./dev-server.sh --help lists them.
set -euo pipefail
cd "$(dirname "$0")"

build=1
args=()
for arg in "$@"; do
  if [[ "$arg" == "--no-build" ]]; then
    build=0
  else
    args+=("$arg")
  fi
done

if [[ $build -eq 1 ]]; then
  mvn -B -q -DskipTests package -pl admin-auth-devserver -am
fi

java_cmd="java"
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
  java_cmd="$JAVA_HOME/bin/java"
fi
# exec: the JVM takes this shell's pid, so SIGTERM and Ctrl-C reach it directly.
exec "$java_cmd" -jar admin-auth-devserver/target/admin-auth-dev-server.jar ${args[@]+"${args[@]}"}
