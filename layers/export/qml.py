"""QGIS 3 styles (QML) for the GeoPackage export (layers/export/geopackage.py): renderers, symbols, labels and
field aliases, built with xml.etree so that text from files is always escaped (and characters XML cannot hold
are dropped, never breaking the document).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from matplotlib.colors import to_rgba

from geo.vnformat import nfc

QGIS_VERSION = "3.22.16"  # the QGIS the styles were opened with headless (Debian 12); later versions read them
DOCTYPE = "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"  # QGIS refuses a style without it
POINT, LINE, POLYGON, NO_GEOMETRY = 0, 1, 2, 4  # QGIS's geometry types in <layerGeometryType>: a style fits one
MM_PER_PT = 25.4 / 72
# Characters XML 1.0 cannot hold (control characters): a name from a file keeps its text, never breaks the QML.
NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
GEOMETRY_TYPES = {"MultiPolygon": POLYGON, "MultiLineString": LINE, "Point": POINT, None: NO_GEOMETRY}


def document(renderer: ET.Element | None, labels: ET.Element | None, aliases: dict[str, str],
             geometry_type: str | None) -> str:
    """A layer's QGIS style document: renderer, labels, field aliases (QGIS lists the fid first); a table
    without geometry gets its aliases only. `geometry_type` is OGR's name ("MultiPolygon" ...) or None."""
    root = ET.Element("qgis", version=QGIS_VERSION, styleCategories="AllStyleCategories",
                      labelsEnabled="1" if labels is not None else "0")
    if renderer is not None:
        root.append(renderer)
    if labels is not None:
        root.append(labels)
    listed = ET.SubElement(root, "aliases")
    for index, (name, alias) in enumerate(aliases.items(), start=1):
        ET.SubElement(listed, "alias", field=xml_safe(name), index=str(index), name=xml_safe(alias))
    ET.SubElement(root, "layerGeometryType").text = str(GEOMETRY_TYPES[geometry_type])
    return DOCTYPE + ET.tostring(root, encoding="unicode")


def categorized(attribute: str, categories: list[tuple[str, list]]) -> ET.Element:
    """A categorised renderer on `attribute`: each category's value and label is its legend label."""
    renderer = ET.Element("renderer-v2", type="categorizedSymbol", attr=attribute, symbollevels="0",
                          enableorderby="0", forceraster="0")
    listed, symbols = ET.SubElement(renderer, "categories"), ET.SubElement(renderer, "symbols")
    for i, (label, symbol_layers) in enumerate(categories):
        ET.SubElement(listed, "category", render="true", symbol=str(i), value=label, label=label, type="string")
        symbols.append(symbol("fill", str(i), symbol_layers))
    return renderer


def single(kind: str, symbol_layers: list) -> ET.Element:
    renderer = ET.Element("renderer-v2", type="singleSymbol", symbollevels="0", enableorderby="0", forceraster="0")
    ET.SubElement(renderer, "symbols").append(symbol(kind, "0", symbol_layers))
    return renderer


def symbol(kind: str, name: str, symbol_layers: list) -> ET.Element:
    """A <symbol> of `kind` (fill, line, marker) from (class, properties[, sub-symbol layers]) tuples."""
    element = ET.Element("symbol", type=kind, name=name, alpha="1", clip_to_extent="1", force_rhr="0")
    for i, (cls, props, *sub) in enumerate(symbol_layers):
        layer = ET.SubElement(element, "layer", {"class": cls, "enabled": "1", "locked": "0", "pass": "0"})
        options = ET.SubElement(layer, "Option", type="Map")
        for key, value in props.items():
            ET.SubElement(options, "Option", name=key, type="QString", value=str(value))
        if sub:  # a line pattern's lines
            layer.append(symbol("line", f"@{name}@{i}", sub[0]))
    return element


def labeling(attribute: str, size_pt: float, bold: bool = False) -> ET.Element:
    """Names on the map as on the print: dark text with a white halo, inside its shape, never overlapping."""
    labeling = ET.Element("labeling", type="simple")
    settings = ET.SubElement(labeling, "settings", calloutType="simple")
    text = ET.SubElement(settings, "text-style", fieldName=attribute, isExpression="0", fontSize=f"{size_pt}",
                         fontSizeUnit="Point", textColor="0,0,0,255", textOpacity="1",
                         fontWeight="75" if bold else "50", namedStyle="Bold" if bold else "Regular")
    ET.SubElement(text, "text-buffer", bufferDraw="1", bufferSize="0.7", bufferSizeUnits="MM",
                  bufferColor="255,255,255,255", bufferOpacity="0.85", bufferJoinStyle="128")
    # priority: QGIS's default 5 (left out, it reads 0: most names would give way to others and not be drawn)
    ET.SubElement(settings, "placement", placement="1", centroidInside="1", centroidWhole="0", fitInPolygonOnly="0",
                  priority="5")
    ET.SubElement(settings, "rendering", obstacle="1", displayAll="0", upsidedownLabels="0", labelPerPart="0")
    return labeling


def dashed(colour: str, width_pt: float, dashes: tuple[float, float], capstyle: str = "square") -> dict[str, str]:
    """A dashed line's properties; `dashes` in line widths, as matplotlib's dash patterns on the print map."""
    return {"line_color": rgba(colour), "line_width": mm(width_pt), "line_width_unit": "MM", "line_style": "dash",
            "use_custom_dash": "1", "customdash": ";".join(mm(d * width_pt) for d in dashes),
            "customdash_unit": "MM", "capstyle": capstyle, "joinstyle": "round"}


def mm_units() -> dict[str, str]:
    """A fill's outline and offset measured in millimetres on the map, as the print map's points."""
    return {"outline_width_unit": "MM", "offset_unit": "MM"}


def mm(points: float) -> str:
    return f"{points * MM_PER_PT:.3f}"


def rgba(colour: str) -> str:
    """A colour as QGIS writes it: "r,g,b,a" in 0-255."""
    return ",".join(str(round(channel * 255)) for channel in to_rgba(colour))


def xml_safe(text) -> str:
    return NOT_XML.sub("", nfc(text))
