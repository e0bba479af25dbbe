#!/usr/bin/env bash
# The systemd unit for APP_DIR, DATA_DIR and USER, on standard output (used by install_service.sh and the tests).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sed -e "s#@APP_DIR@#$1#g" -e "s#@DATA_DIR@#$2#g" -e "s#@USER@#$3#g" "$ROOT/deploy/langson-map.service"
