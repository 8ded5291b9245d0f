#!/usr/bin/env bash
# Mutation testing (PIT) of the admin-auth-core packages that decide accept or reject.
#
#   admin-auth-core/pit.sh                     # every package, one after the other
#   admin-auth-core/pit.sh verify key          # only these packages
#   admin-auth-core/pit.sh --summary           # print the table of the last reports, run nothing
#   admin-auth-core/pit.sh -c 'io.admin.auth.core.ratelimit.FailureThrottle*' \
#                          -t 'io.admin.auth.core.ratelimit.*Test'
#                                              # any classes against any tests (report: custom/)
#
# Packages (executions of the `mutation` profile in admin-auth-core/pom.xml): verify, key,
# validation, apikey, password, ratelimit, revocation. Each runs only its own package's tests, one
# PIT thread, and writes target/pit-reports/<package>/{index.html,mutations.xml}. Extra Maven
# arguments go in MVN_ARGS, e.g. MVN_ARGS=-o for an offline run.
#
# It is not part of .ci/run: all packages take about 20 minutes on the 2-core build machine when
# it is quiet, up to an hour when other builds share it.
set -euo pipefail
cd "$(dirname "$0")"
module_dir=$(pwd)

all=(verify key validation apikey password ratelimit revocation)

summary() {
  local total_killed=0 total_all=0
  printf '%-12s %9s %8s %7s\n' package killed total score
  for p in "${all[@]}"; do
    local xml="$module_dir/target/pit-reports/$p/mutations.xml"
    [[ -s $xml ]] || { printf '%-12s %9s\n' "$p" 'no report'; continue; }
    # Detected, as PIT's own "killed" figure counts them: KILLED, TIMED_OUT and MEMORY_ERROR.
    local killed all_
    killed=$(grep -c "status='\(KILLED\|TIMED_OUT\|MEMORY_ERROR\)'" "$xml" || true)
    all_=$(grep -c '<mutation ' "$xml" || true)
    total_killed=$((total_killed + killed)); total_all=$((total_all + all_))
    printf '%-12s %9d %8d %6d%%\n' "$p" "$killed" "$all_" $((all_ ? 100 * killed / all_ : 0))
  done
  printf '%-12s %9d %8d %6d%%\n' total "$total_killed" "$total_all" \
    $((total_all ? 100 * total_killed / total_all : 0))
}

classes=''
tests=''
packages=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --summary) summary; exit 0 ;;
    -c) classes=$2; shift 2 ;;
    -t) tests=$2; shift 2 ;;
    *) packages+=("$1"); shift ;;
  esac
done

goals=()
props=()
if [[ -n $classes || -n $tests ]]; then
  [[ -n $classes && -n $tests ]] || { echo "-c and -t go together" >&2; exit 2; }
  goals+=("org.pitest:pitest-maven:mutationCoverage@custom")
  props+=("-Dpit.classes=$classes" "-Dpit.tests=$tests")
else
  [[ ${#packages[@]} -gt 0 ]] || packages=("${all[@]}")
  for p in "${packages[@]}"; do
    [[ " ${all[*]} " == *" $p "* ]] || { echo "unknown package: $p (one of: ${all[*]})" >&2; exit 2; }
    goals+=("org.pitest:pitest-maven:mutationCoverage@$p")
  done
fi

# Compiled from the reactor root, never installed: ~/.m2 is shared by other checkouts.
cd "$module_dir/.."
# shellcheck disable=SC2086
mvn -B ${MVN_ARGS:-} "${props[@]}" -P mutation -pl admin-auth-core test-compile "${goals[@]}"
[[ -n $classes ]] || summary
