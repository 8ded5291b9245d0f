#!/usr/bin/env bash
# The test command: installs what the browser tests need, then runs every test (mvn -B verify).
# Extra arguments go to Maven, e.g. ./test.sh -pl admin-auth-devserver -am.
#
# The Selenium test drives a headless Chromium through the system chromedriver; it never
# downloads a browser. When chromium or chromedriver is missing, Debian's packages are installed
# with apt (as root, as on CI); elsewhere install them yourself: apt-get install chromium
# chromium-driver.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "test.sh: chromium and chromedriver are needed by the browser test;" \
      "run as root or: sudo apt-get install chromium chromium-driver" >&2
    exit 1
  fi
  echo "test.sh: installing chromium and chromium-driver (Debian packages)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends chromium chromium-driver
fi

exec mvn -B verify "$@"
