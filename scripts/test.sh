#!/usr/bin/env bash
# Install what is missing (Python packages, Debian's chromium for the browser
# tests) and run the whole test suite. Extra arguments go to pytest.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
# Debian packages the tests use: chromium (browser tests), nginx and openssl (the reverse-proxy example).
MISSING=""
[ -x /usr/bin/chromium ] || MISSING="$MISSING chromium"
[ -x /usr/sbin/nginx ] || MISSING="$MISSING nginx"
command -v openssl >/dev/null || MISSING="$MISSING openssl"
if [ -n "$MISSING" ]; then
  echo "==> Cài các gói Debian cho kiểm thử:$MISSING"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $MISSING >/dev/null
fi
set +e
python -m pytest "$@"
status=$?
set -e
# pytest exits 5 when a selection runs no test: that is not a failure here.
[ "$status" -eq 5 ] && status=0
exit "$status"
