"""Streamlit entry point: page set-up and navigation; the pages live in ui/."""

from __future__ import annotations

import streamlit as st

import texts
from layers.web import assets
from ui import vietnamese_chrome

st.set_page_config(page_title=texts.APP_TITLE, layout="wide")
assets.ensure_vendor_assets()
vietnamese_chrome.install()  # Streamlit's own English, in Vietnamese; first on every page
st.navigation([
    st.Page("ui/map_page.py", title=texts.PAGE_MAP, default=True),
    st.Page("ui/briefing_page.py", title=texts.PAGE_BRIEFING),
    st.Page("ui/compare_page.py", title=texts.PAGE_COMPARE),
    st.Page("ui/crosswalk_page.py", title=texts.PAGE_CROSSWALK),
    st.Page("ui/import_page.py", title=texts.PAGE_IMPORT),
]).run()
