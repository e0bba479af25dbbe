"""The web map: folium/Leaflet elements drawn from a MapView, their scripts in templates/ beside them."""
