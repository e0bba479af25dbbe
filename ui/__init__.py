"""Streamlit pages: widgets only; every computation is a call into geo/ or layers/."""
