#!/usr/bin/env bash
# Install what is missing and start the map on the real data: http://localhost:8501
# It listens on this computer only (127.0.0.1); to serve the office network put it behind the reverse proxy
# of deploy/nginx-langson-map.conf (README), or set ADDRESS=0.0.0.0 knowingly.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
python -m layers.build || true  # the map data, prepared once per data set and kept (layers/build_cache.py); a
# failure here only means the first visitor waits, and the page then says what is wrong in Vietnamese
exec streamlit run app.py --server.address "${ADDRESS:-127.0.0.1}" --server.port "${PORT:-8501}" "$@"
