"""Presentation mode: the map page for a projector (1920×1080), with a visible way back.

One switch in the sidebar (and ?present=1 in the link). The page's chrome is
hidden by a small stylesheet (Streamlit has no option for it per page); the map
itself takes the large labels and legend (static/map.css, body.large-labels).
"""

from __future__ import annotations

import streamlit as st

import texts
from layers.web.elements import template_text

MAP_HEIGHT_PX = 760  # 1080 px less the title, the illustrative warning, the caption and the score's recipe


def apply() -> None:
    """Hide the sidebar and Streamlit's bar, enlarge the title and caption, and offer the way back."""
    st.html(f"<style>{template_text('presentation.css')}</style>")
    st.button(texts.PRESENT_EXIT, key="present_exit", on_click=_leave, type="primary")


def _leave() -> None:
    st.session_state["present"] = False
