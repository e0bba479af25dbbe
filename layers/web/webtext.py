"""Text from files, made safe for the web map's HTML and for folium's templates."""

from __future__ import annotations

import html


def web_text(value) -> str:
    """`value` as HTML text: escaped, and with { and } as character references.

    branca compiles rendered map scripts as Jinja templates once more (our own
    elements skip that, see layers/web/rendered_once.py; folium's do not), so a
    "{{ … }}" or "{% … %}" in a village name could be run on the server, or
    break the page, instead of being shown. As references the browser still
    shows the braces.
    """
    return html.escape(str(value)).replace("{", "&#123;").replace("}", "&#125;")
