"""The one place for user-facing text stays consistent."""

import ast
from collections import Counter

from tests.conftest import ROOT


def test_no_text_constant_is_defined_twice():
    tree = ast.parse((ROOT / "texts.py").read_text(encoding="utf-8"))
    names = [t.id for node in tree.body if isinstance(node, ast.Assign) for t in node.targets
             if isinstance(t, ast.Name)]
    assert [n for n, c in Counter(names).items() if c > 1] == []


def test_texts_are_nfc_vietnamese():
    import unicodedata
    source = (ROOT / "texts.py").read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", source) == source


def test_every_text_constant_is_used():
    """A sentence nobody shows is a sentence nobody reviews: every constant is read somewhere."""
    import re
    tree = ast.parse((ROOT / "texts.py").read_text(encoding="utf-8"))
    names = [t.id for node in tree.body if isinstance(node, ast.Assign) for t in node.targets
             if isinstance(t, ast.Name)]
    code = "".join(p.read_text(encoding="utf-8") for folder in ("geo", "layers", "ui")
                   for p in (ROOT / folder).rglob("*.py")) + (ROOT / "app.py").read_text(encoding="utf-8")
    assert [n for n in names if not re.search(rf"\b{n}\b", code)] == []
