"""The print map: a MapView on an A4/A3 page as PNG or vector PDF (matplotlib, metric CRS).

render.py puts the page together from geometry (projected once), the page
frame, the drawing of the map, its furniture, labels, legend, header and footer.
"""
