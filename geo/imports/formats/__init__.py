"""Readers of the file formats departments send (.xlsx, .xls, .ods, CSV), one module each.

They share one vocabulary (`cells`), one set of limits (`limits`) and one way of
assembling rows (`grid`); `geo.imports.reading` picks the reader from the content.
"""
