#!/usr/bin/env bash
# Install what is missing and start the map on the real data: http://localhost:8501
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
exec streamlit run app.py --server.port "${PORT:-8501}" "$@"
