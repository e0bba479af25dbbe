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


# Modules whose Vietnamese words are vocabulary the app reads, not sentences it writes: the headers,
# prefixes and abbreviations files use, the indicator catalogue, the official names it resolves.
VOCABULARY = {"geo/indicators.py", "geo/vocabulary.py", "geo/names.py", "geo/imports/headers.py",
              "geo/imports/column_meaning.py", "geo/imports/layout.py", "geo/imports/places.py",
              "geo/imports/values.py", "geo/imports/formats/text.py"}
VIETNAMESE = re.compile("[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", re.IGNORECASE)


def vietnamese_literals(path):
    """(line, text) of every Vietnamese string literal that is not a docstring or marked "not user text"."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
            and VIETNAMESE.search(node.value) and "not user text" not in lines[node.lineno - 1]]


def test_no_user_text_outside_the_catalogue():
    found = []
    for folder in ("geo", "layers", "ui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if str(path.relative_to(ROOT)) not in VOCABULARY:
                found += [f"{path.relative_to(ROOT)}:{line}: {text!r}" for line, text in vietnamese_literals(path)]
    found += [f"app.py:{line}: {text!r}" for line, text in vietnamese_literals(ROOT / "app.py")]
    assert found == []


def test_the_literal_check_sees_a_literal(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('"""Mô tả."""\nLABEL = "Bản đồ"\nOK = "Ág"  # not user text\n', encoding="utf-8")
    assert vietnamese_literals(sample) == [(2, "Bản đồ")]
