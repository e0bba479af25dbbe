"""Helpers the AppTest files share: run the app without an exception, open the import page."""

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


def run(at_or_widget):
    """Run the app (or the app a clicked widget belongs to) and insist on no exception."""
    at = at_or_widget.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def import_page():
    at = run(AppTest.from_file(str(ROOT / "app.py"), default_timeout=120))
    at.switch_page("ui/import_page.py")
    return run(at)
