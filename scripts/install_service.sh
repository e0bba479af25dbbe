#!/usr/bin/env bash
# Install the map as a systemd service (run as root on the province's server, from the project folder):
#   sudo bash scripts/install_service.sh [DATA_DIR] [USER]
# Creates the unprivileged USER (default langson) and DATA_DIR (default /var/lib/langson-map), installs the
# Python packages and Leaflet's files once (the service cannot write to the app folder), writes
# /etc/systemd/system/langson-map.service from deploy/langson-map.service and starts it.
set -euo pipefail
APP_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA_DIR="${1:-/var/lib/langson-map}"
SERVICE_USER="${2:-langson}"
id "$SERVICE_USER" >/dev/null 2>&1 || useradd --system --home-dir "$DATA_DIR" --shell /usr/sbin/nologin "$SERVICE_USER"
install -d -o "$SERVICE_USER" -g "$SERVICE_USER" -m 0750 "$DATA_DIR"
source "$APP_DIR/scripts/setup.sh"
python -c "from layers.web.assets import ensure_vendor_assets; ensure_vendor_assets()"
# the map's shapes are written here once per data set (layers/web/geometry_file.py): the service's only
# writable folder besides the data folder
install -d -o "$SERVICE_USER" -g "$SERVICE_USER" -m 0755 "$APP_DIR/static/geom"
bash "$APP_DIR/scripts/render_service.sh" "$APP_DIR" "$DATA_DIR" "$SERVICE_USER" > /etc/systemd/system/langson-map.service
systemctl daemon-reload
systemctl enable --now langson-map.service
echo "==> Đã cài dịch vụ langson-map: systemctl status langson-map"
echo "==> Tạo tài khoản biên tập viên (người được nhập dữ liệu):"
echo "    cd $APP_DIR && sudo -u $SERVICE_USER .venv/bin/python -m geo.editors --data-dir $DATA_DIR set ten.dang.nhap --name \"Họ và tên\""
