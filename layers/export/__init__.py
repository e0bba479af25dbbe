"""What leaves the app as a file: the map as offline HTML, the table as Excel, their file names."""
