"""Text from files (a file name, a header) made inert before it meets Streamlit markdown."""

from __future__ import annotations

import re

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:&=])")
# Streamlit finds some markup in the text after markdown has unescaped it: web addresses and e-mails
# (GFM autolinks), ":material/…:" icons, ":streamlit:" and colour directives. An invisible word joiner
# (U+2060) where each would start keeps them apart; a colon before a space or a digit is left alone.
WORD_JOINER = "\u2060"
_TEXT_MARKUP = re.compile(r"(?<=:)(?=[^\W\d]|[/+\-])|(?<=@)(?=\w)|(?<=www)(?=\.)", re.IGNORECASE)


def plain(text: object) -> str:
    """Every markdown and HTML character escaped, so st.success/st.error show it exactly as written;
    links, icons and colours that Streamlit would still find are broken by an invisible word joiner."""
    return _MARKDOWN.sub(r"\\\1", _TEXT_MARKUP.sub(WORD_JOINER, str(text)))
