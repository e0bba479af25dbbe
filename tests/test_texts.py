"""The one place for user-facing text stays consistent."""

import ast
import re
import unicodedata
from collections import Counter

from tests.conftest import ROOT

CATALOGUE = sorted((ROOT / "texts").glob("*.py"))


def text_names() -> list[str]:
    """Every constant the catalogue defines, over all its modules."""
    names = []
    for path in CATALOGUE:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names += [t.id for node in tree.body if isinstance(node, ast.Assign) for t in node.targets
                  if isinstance(t, ast.Name)]
    return names


def test_no_text_constant_is_defined_twice():
    assert [n for n, c in Counter(text_names()).items() if c > 1] == []


def test_texts_are_nfc_vietnamese():
    for path in CATALOGUE:
        source = path.read_text(encoding="utf-8")
        assert unicodedata.normalize("NFC", source) == source, path.name


def test_every_text_constant_is_used():
    """A sentence nobody shows is a sentence nobody reviews: every constant is read somewhere."""
    code = "".join(p.read_text(encoding="utf-8") for folder in ("geo", "layers", "ui")
                   for p in (ROOT / folder).rglob("*.py")) + (ROOT / "app.py").read_text(encoding="utf-8")
    assert [n for n in text_names() if not re.search(rf"\b{n}\b", code)] == []


def test_the_catalogue_is_one_namespace():
    """Pages read `texts.NAME` whatever module of the catalogue defines it."""
    import texts
    assert all(hasattr(texts, name) for name in text_names())
