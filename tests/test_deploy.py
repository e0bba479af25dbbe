"""The deployment files (issue 14): the app listens on 127.0.0.1 unless told otherwise, the systemd unit passes
`systemd-analyze verify` with the checkout's paths, and the nginx example passes `nginx -t`."""

from __future__ import annotations

import configparser
import shutil
import subprocess

import pytest

from tests.conftest import ROOT

UNIT = ROOT / "deploy" / "langson-map.service"
NGINX = ROOT / "deploy" / "nginx-langson-map.conf"


def test_start_script_listens_on_the_loopback_by_default():
    start = (ROOT / "scripts" / "start.sh").read_text(encoding="utf-8")
    assert '--server.address "${ADDRESS:-127.0.0.1}"' in start


def rendered_unit(tmp_path) -> str:
    """The unit as install_service.sh writes it, for this checkout and a data folder of the test's own."""
    result = subprocess.run(["bash", str(ROOT / "scripts" / "render_service.sh"), str(ROOT), str(tmp_path / "data"),
                             "daemon"], capture_output=True, text=True, check=True)
    return result.stdout


def test_the_service_runs_unprivileged_writes_only_its_data_and_restarts(tmp_path):
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str
    unit.read_string(rendered_unit(tmp_path))
    service = unit["Service"]
    assert service["User"] == "daemon" and service["ProtectSystem"] == "strict"
    # writable: the data folder, and the folder of the map's shapes only (layers/web/geometry_file.py)
    assert service["ReadWritePaths"].split() == [str(tmp_path / "data"), str(ROOT / "static" / "geom")]
    assert service["Restart"] == "on-failure" and service["ExecStartPre"].endswith("-m layers.build")
    assert service["MemoryMax"].endswith("G") and "--server.address 127.0.0.1" in service["ExecStart"]
    assert "@" not in rendered_unit(tmp_path)  # every placeholder filled


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze is not installed")
def test_the_service_unit_verifies(tmp_path):
    path = tmp_path / "langson-map.service"
    path.write_text(rendered_unit(tmp_path), encoding="utf-8")
    result = subprocess.run(["systemd-analyze", "verify", str(path)], capture_output=True, text=True)
    assert result.returncode == 0 and "langson-map.service" not in result.stderr, result.stderr


def test_the_nginx_example_is_valid_with_a_certificate_in_place(tmp_path):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not (shutil.which("openssl") and shutil.which(nginx)):
        pytest.skip("nginx or openssl is not installed (scripts/test.sh installs them)")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                    "/CN=bando.langson.local", "-keyout", str(tmp_path / "privkey.pem"),
                    "-out", str(tmp_path / "fullchain.pem")], capture_output=True, check=True)
    site = NGINX.read_text(encoding="utf-8").replace("/etc/ssl/langson-map", str(tmp_path))
    (tmp_path / "site.conf").write_text(site, encoding="utf-8")
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n access_log off;\n client_body_temp_path {tmp_path};\n include {tmp_path}/site.conf;\n}}\n",
        encoding="utf-8")
    result = subprocess.run([nginx, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "proxy_set_header Upgrade" in site and "127.0.0.1:8501" in site  # the websocket, to the loopback
