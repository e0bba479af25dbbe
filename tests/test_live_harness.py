"""The browser tests' harness (tests/live.py): a server that writes much to its error output keeps running."""

from __future__ import annotations

import time

import pytest

from tests import live

# A stand-in for `python -m streamlit run ... --server.port N`: it answers the health check, writes 200 KB of
# warnings (three times what a pipe holds) and then a file saying it got past them.
FAKE_STREAMLIT = '''
import http.server, pathlib, sys, threading
port = int(sys.argv[sys.argv.index("--server.port") + 1])
server = http.server.HTTPServer(("127.0.0.1", port), http.server.BaseHTTPRequestHandler)
server.RequestHandlerClass.do_GET = lambda self: (self.send_response(200), self.end_headers())
threading.Thread(target=server.serve_forever, daemon=True).start()
for _ in range(2000):
    sys.stderr.write("warning " * 12 + "\\n")
sys.stderr.flush()
pathlib.Path("{done}").write_text("ok")
threading.Event().wait()
'''


def test_a_server_writing_many_warnings_is_not_stopped(tmp_path):
    fake = tmp_path / "streamlit"
    fake.mkdir()
    done = tmp_path / "done"
    (fake / "__init__.py").write_text("")
    (fake / "__main__.py").write_text(FAKE_STREAMLIT.replace("{done}", str(done)))
    with live.running_app({"PYTHONPATH": str(tmp_path)}, timeout=20):
        deadline = time.time() + 15
        while not done.exists() and time.time() < deadline:
            time.sleep(0.1)
        assert done.exists(), "the server stopped on its own error output"


def test_a_server_that_does_not_start_says_why(tmp_path):
    fake = tmp_path / "streamlit"
    fake.mkdir()
    (fake / "__init__.py").write_text("")
    (fake / "__main__.py").write_text("import sys\nsys.exit('không khởi động được: thiếu cấu hình')\n")
    with pytest.raises(RuntimeError, match="thiếu cấu hình"):
        with live.running_app({"PYTHONPATH": str(tmp_path)}, timeout=10):
            pass
