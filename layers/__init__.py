"""Map layers and styling shared by the web map and the print map. No Streamlit."""
