"""Text from files (a file name, a header) made inert before it meets Streamlit markdown."""

from __future__ import annotations

import re

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")


def plain(text: object) -> str:
    """Every markdown and HTML character escaped, so st.success/st.error show it exactly as written."""
    return _MARKDOWN.sub(r"\\\1", str(text))
