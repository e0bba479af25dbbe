"""The tree keeps its plan: data flows geo/ -> layers/ -> ui/, and only ui/ knows Streamlit.

geo/ and layers/ must run without Streamlit (tests, exports, a future batch
job), so neither imports streamlit or streamlit_folium, and neither imports
the pages; geo/ does not import layers/ either.
"""

from __future__ import annotations

import ast

import pytest

from tests.conftest import ROOT


def imported_modules(source: str) -> set[str]:
    """Every absolute module a piece of Python imports, at any depth (also inside functions)."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
    return found


def imports_of(folder: str) -> dict[str, set[str]]:
    """Per file under `folder` (relative path), the modules it imports."""
    return {str(path.relative_to(ROOT)): imported_modules(path.read_text(encoding="utf-8"))
            for path in sorted((ROOT / folder).rglob("*.py"))}


def belongs_to(module: str, packages: tuple[str, ...]) -> bool:
    """`module` is one of `packages`, inside one, or a companion distribution ("streamlit_folium")."""
    top = module.split(".")[0]
    return any(top == p or top.startswith(p + "_") for p in packages)


def offending(folder: str, packages: tuple[str, ...]) -> dict[str, list[str]]:
    """Files under `folder` importing any of `packages`, with the modules they import from them."""
    found = {file: sorted(m for m in modules if belongs_to(m, packages))
             for file, modules in imports_of(folder).items()}
    return {file: modules for file, modules in found.items() if modules}


def test_the_check_sees_every_form_of_import():
    source = ("import streamlit as st\nfrom streamlit_folium import st_folium\n"
              "def f():\n    from ui import state\n    import layers.web.basemap\nfrom . import sibling\n")
    assert imported_modules(source) == {"streamlit", "streamlit_folium", "ui", "layers.web.basemap"}
    assert [m for m in sorted(imported_modules(source)) if belongs_to(m, ("streamlit",))] == \
        ["streamlit", "streamlit_folium"]
    assert not belongs_to("uuid", ("ui",)) and belongs_to("ui.state", ("ui",))


@pytest.mark.parametrize("folder", ["geo", "layers"])
def test_no_streamlit_outside_ui(folder):
    assert list((ROOT / folder).rglob("*.py")), folder  # the folder is really there
    assert offending(folder, ("streamlit",)) == {}


def test_data_flows_one_way():
    assert offending("geo", ("layers", "ui")) == {}
    assert offending("layers", ("ui",)) == {}


def test_the_code_passes_ruff():
    """Import order and line length as pyproject.toml sets them, checked where CI runs."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "ruff", "check", "--quiet", str(ROOT)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:]
