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
