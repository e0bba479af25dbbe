"""Issue 13: is every view's palette colour-blind safe? The table of the smallest ΔE (CAM02-UCS) per palette.

For each check of tests.palette_check.app_palettes, the smallest colour difference with normal vision and
with full deuteranomaly, protanomaly and tritanomaly, the pair that came closest, and whether it passes
MIN_DELTA_E (ramps: also lightness monotonic). No timing: a measure of the colours, not of speed.
Run from the project folder: .venv/bin/python -m benchmarks.palettes
"""

from __future__ import annotations

from geo.province import load_province
from layers import style
from tests import palette_check as pc
from tests.conftest import SHARED


def table(checks: list[pc.PaletteCheck]) -> list[str]:
    header = f"{'palette':42s}" + "".join(f"{d[:11]:>13s}" for d in pc.DEFICIENCIES) + "  result  closest pair"
    lines = [header, "-" * len(header)]
    for check in checks:
        measures = check.measures()
        cells = "".join(f"{m.min_delta_e:12.1f}{'' if m.monotonic else '!'}{' ' if m.monotonic else ''}"
                        for m in measures.values())
        ok = all(m.passes() for m in measures.values())
        verdict = ("pass" if ok else "FAIL") if check.asserted else "(info)"
        worst = min(measures.values(), key=lambda m: m.min_delta_e)
        lines.append(f"{check.name:42s}{cells}  {verdict:6s}  {worst.worst[0]} {worst.worst[1]} ({worst.deficiency})")
    return lines


def main() -> None:
    data = load_province({"LANGSON_GEODATA_DIR": str(SHARED)})
    colours = style.district_colours(data.communes["district"].tolist(), order=data.district_order)
    checks = pc.app_palettes(colours, pc.district_neighbours(data.districts))
    print(f"ΔE in CAM02-UCS, CVD simulated at severity {pc.SEVERITY}; threshold {pc.MIN_DELTA_E:g}; "
          "'!' = lightness not monotonic")
    print("\n".join(table(checks)))
    failing = [c.name for c in checks if c.asserted and not all(m.passes() for m in c.measures().values())]
    print(f"{len(failing)} of {sum(c.asserted for c in checks)} checks below the threshold" if failing
          else "ALL CHECKS PASS")


if __name__ == "__main__":
    main()
