"""A first visit pays only for what it shows (issue 15): the map page loads no classifier, matplotlib or
Excel writer until a view or an export needs them (together about 1.5 s and 125 MB of a cold server's first
visit)."""

import subprocess
import sys

from tests.conftest import ROOT

HEAVY = ("mapclassify", "matplotlib", "openpyxl", "scipy")
FIRST_VISIT = f"""
import sys
from streamlit.testing.v1 import AppTest
at = AppTest.from_file({str(ROOT / "app.py")!r}, default_timeout=120).run()
assert not at.exception, at.exception
print(sorted(name for name in {HEAVY!r} if name in sys.modules))
"""


def test_the_map_page_loads_no_classifier_plotting_or_excel_module(shared_dir, tmp_path):
    env = {"LANGSON_GEODATA_DIR": str(shared_dir), "LANGSON_DATA_DIR": str(tmp_path / "var"), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", FIRST_VISIT], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "[]"
