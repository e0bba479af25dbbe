"""Helpers the AppTest files share: run the app without an exception, open the import page (as a viewer or as a
signed-in editor)."""

from streamlit.testing.v1 import AppTest

from geo.editors import accounts_path, set_editor
from geo.store import data_dir
from tests.conftest import EDITOR, ROOT
from ui.editor_sign_in import SESSION_KEY

EDITOR_PASSWORD = "mật-khẩu-thử-1"  # a test account's, made in the test's own data folder


def run(at_or_widget):
    """Run the app (or the app a clicked widget belongs to) and insist on no exception."""
    at = at_or_widget.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def import_page():
    """The import page as anyone sees it: no one signed in."""
    at = run(AppTest.from_file(str(ROOT / "app.py"), default_timeout=120))
    at.switch_page("ui/import_page.py")
    return run(at)


def add_test_editor():
    """EDITOR's account (password EDITOR_PASSWORD) in the data folder the app uses (LANGSON_DATA_DIR)."""
    return set_editor(accounts_path(data_dir()), EDITOR.username, EDITOR_PASSWORD, EDITOR.name)


def signed_in_import_page():
    """The import page with EDITOR signed in, as after the sign-in form (which tests/test_sign_in.py tests)."""
    add_test_editor()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.session_state[SESSION_KEY] = EDITOR
    at = run(at)
    at.switch_page("ui/import_page.py")
    return run(at)
