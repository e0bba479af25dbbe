"""What a map shows (view.py, thematic.py, style.py, tables.py, prepared.py), drawn by web/ (folium)
and paper/ (matplotlib) and written to files by export/. No Streamlit (tests/test_architecture.py)."""
