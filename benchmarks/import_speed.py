"""Issue 10 benchmark: time and peak memory to check the files departments send.

Cases (generated in a temporary folder; village names are test names "Thôn thử
nghiệm N", communes are the real ones of the reference list):
  a  a 644-village annex (.xlsx): district heading rows merged over the table,
     commune heading rows, villages under them                   target <= 1 s
  b  a 200-commune wide indicator sheet with 15 indicators        target <= 1 s
  c  a 100,000-row long village indicator file (.xlsx)            target <= 10 s, <= 300 MB
  d  the 5 KB sparse-range file (used range and a value at XFD1048576)  refused in <= 1 s
  e  a 1,000,000-row sheet (no target in the issue; 133 s and 1.4 GB before streaming)
Each run is a fresh subprocess that loads the reference list, then times
geo.imports.import_file once and reports its peak RSS (ru_maxrss); a baseline
subprocess does everything but the import, and the table shows the increment.
"read s" is reading alone (geo.imports.reading.read_sheets), timed after the import
in the same process, to tell reading from checking.
Median of 3 runs. Writes only benchmarks/results/import_speed.json (git-ignored).
Run from the project folder: .venv/bin/python -m benchmarks.import_speed
"""

from __future__ import annotations

import io
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

RUNS = 3
CASES = {  # name: (kind, file name, target seconds, target MB or None, refusal expected)
    "a_annex_644_villages": ("villages", "a_phu_luc_644_thon.xlsx", 1.0, None, False),
    "b_wide_200_communes": ("indicators_commune", "b_chi_tieu_200_xa.xlsx", 1.0, None, False),
    "c_long_100k_rows": ("indicators_village", "c_chi_tieu_thon_100k.xlsx", 10.0, 300, False),
    "d_sparse_xfd1048576": ("categories", "d_thua_vung.xlsx", 1.0, None, True),
    "e_million_rows": ("indicators_village", "e_trieu_dong.xlsx", None, None, True),
}
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def reference():
    from geo.imports.reference import Reference
    from tests.conftest import SHARED
    return Reference.load({"LANGSON_GEODATA_DIR": str(SHARED)})


def area_communes(ref, count: int) -> list[tuple[str, str]]:
    """(district, commune) of the first `count` communes of the area, in list order."""
    rows = ref.commune_list.set_index("gso_code").loc[ref.area_codes[:count]]
    return list(zip(rows["district"], rows["commune"]))


def save(book) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def annex(ref) -> bytes:
    import openpyxl
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Phụ lục"
    ws.append(["DANH SÁCH THÔN ĐẶC BIỆT KHÓ KHĂN TỈNH LẠNG SƠN"])
    ws.merge_cells("A1:C1")
    ws.append([])
    ws.append(["STT", "Tên đơn vị", "Ghi chú"])
    district, number = None, 0
    for index, (dist, commune) in enumerate(area_communes(ref, 92)):  # 92 communes x 7 villages = 644
        if dist != district:
            district = dist
            ws.append([district.upper()])
            ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=3)
        ws.append([index + 1, commune])
        for _ in range(7):
            number += 1
            ws.append([None, f"Thôn thử nghiệm {number}"])  # test names, not real villages
    return save(book)


def wide(ref) -> bytes:
    import openpyxl

    from geo.indicators import INDICATORS, template_header
    indicators = [ind for ind in INDICATORS.values() if "commune" in ind.import_levels][:15]
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Huyện", "Xã"] + [template_header(ind, "commune") for ind in indicators])
    for i, (district, commune) in enumerate(area_communes(ref, 200)):
        ws.append([district, commune] + [value(ind.kind_at("commune"), i) for ind in indicators])
    return save(book)


def value(kind: str, i: int) -> object:
    return {"percent": 50 + (i * 7) % 50 + 0.5, "yes_no": i % 2, "count": i % 20, "rate_change": 1.5}.get(kind, 1)


def long(ref) -> bytes:
    import openpyxl

    from geo.indicators import INDICATORS
    indicators = [ind for ind in INDICATORS.values() if "village" in ind.import_levels]
    book = openpyxl.Workbook(write_only=True)
    ws = book.create_sheet("Số liệu thôn")
    ws.append(["Huyện", "Xã", "Thôn", "Chỉ tiêu", "Giá trị", "Năm"])
    per_commune = 100_000 // (100 * len(indicators) * 5)
    for c, (district, commune) in enumerate(area_communes(ref, 100)):
        for v in range(per_commune):
            village = f"Thôn thử nghiệm {c * per_commune + v + 1}"  # test names, not real villages
            for ind in indicators:
                for year in range(2021, 2026):
                    ws.append([district, commune, village, ind.label, value(ind.kind, v + year), year])
    return save(book)


def sparse() -> bytes:
    import openpyxl
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Huyện", "Xã", "Khu vực"])
    ws.append(["Huyện Văn Lãng", "Xã Gia Miễn", "III"])
    ws["XFD1048576"] = "x"
    return save(book)


def million() -> bytes:
    buffer = io.BytesIO()
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                                        f'relationships"><Relationship Id="r1" Type="{rel}/officeDocument" '
                                        'Target="xl/workbook.xml"/></Relationships>')
        archive.writestr("xl/workbook.xml", f'<workbook xmlns="{MAIN}" xmlns:r="{rel}"><sheets><sheet name="T" '
                                            'sheetId="1" r:id="r1"/></sheets></workbook>')
        archive.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/'
                                                       f'package/2006/relationships"><Relationship Id="r1" '
                                                       f'Type="{rel}/worksheet" Target="s.xml"/></Relationships>')
        with archive.open("xl/s.xml", "w") as part:
            part.write(f'<worksheet xmlns="{MAIN}"><sheetData>'.encode())
            for start in range(1, 1_000_001, 50_000):
                part.write("".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>'
                                   for r in range(start, start + 50_000)).encode())
            part.write(b"</sheetData></worksheet>")
    return buffer.getvalue()


def child(kind: str | None, path: str) -> None:
    """One measured run in a fresh process (kind None: the baseline, which does not import)."""
    from geo.imports import import_file
    from geo.imports.reading import UnreadableFile, read_sheets
    ref = reference()
    ref.area_codes, ref.outside_codes  # noqa: B018 - loaded before timing, as the app holds them
    content = Path(path).read_bytes()
    if kind is not None:
        start = time.perf_counter()
        result = import_file(kind, content, Path(path).name, ref)
        elapsed = time.perf_counter() - start
        errors = [p for p in result.problems if p.severity == "error"]
        maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before the second, reading-only pass
        start = time.perf_counter()
        try:
            read_sheets(content, Path(path).name)
        except UnreadableFile:
            pass
        outcome = {"rows": len(result.frame), "errors": len(errors), "read_s": time.perf_counter() - start,
                   "first_error": f"{errors[0].code}: {errors[0].message}"[:160] if errors else ""}
        print(json.dumps({"s": elapsed, "maxrss_mb": maxrss, **outcome}))
    else:
        print(json.dumps({"s": 0.0, "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def run(kind: str | None, path: Path) -> dict:
    args = [sys.executable, "-m", "benchmarks.import_speed", "--child", kind or "-", str(path)]
    done = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    ref = reference()
    makers = {"a_annex_644_villages": lambda: annex(ref), "b_wide_200_communes": lambda: wide(ref),
              "c_long_100k_rows": lambda: long(ref), "d_sparse_xfd1048576": sparse, "e_million_rows": million}
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        paths = {}
        for name, (_, file_name, *_rest) in CASES.items():
            paths[name] = Path(folder) / file_name
            paths[name].write_bytes(makers[name]())
        baseline = statistics.median(run(None, paths["a_annex_644_villages"])["maxrss_mb"] for _ in range(RUNS))
        for name, (kind, _, target_s, target_mb, refusal) in CASES.items():
            runs = [run(kind, paths[name]) for _ in range(RUNS)]
            median_s = statistics.median(r["s"] for r in runs)
            extra_mb = statistics.median(r["maxrss_mb"] for r in runs) - baseline
            ok = (target_s is None or median_s <= target_s) and (target_mb is None or extra_mb <= target_mb) and \
                (not refusal or runs[0]["errors"] > 0)
            results[name] = {"kind": kind, "file_kb": round(paths[name].stat().st_size / 1024, 1),
                             "runs_s": [round(r["s"], 3) for r in runs], "median_s": round(median_s, 3),
                             "read_only_median_s": round(statistics.median(r["read_s"] for r in runs), 3),
                             "extra_mb": round(extra_mb, 1), "rows": runs[0]["rows"], "errors": runs[0]["errors"],
                             "first_error": runs[0]["first_error"], "target_s": target_s, "target_mb": target_mb,
                             "met": ok}
    print(f"baseline (modules and reference list loaded): {baseline:.0f} MB peak RSS")
    print(f"{'case':24} {'file':>10} {'median s':>9} {'read s':>7} {'+MB':>7} {'rows':>7} {'errors':>6}  "
          f"{'target':16} met")
    for name, r in results.items():
        target = (f"<= {r['target_s']:g} s" if r["target_s"] else "-") + (
            f", {r['target_mb']} MB" if r["target_mb"] else "")
        print(f"{name:24} {r['file_kb']:>7} KB {r['median_s']:>9.3f} {r['read_only_median_s']:>7.3f} "
              f"{r['extra_mb']:>7.1f} {r['rows']:>7} {r['errors']:>6}  {target:16} {'yes' if r['met'] else 'NO'}")
    for name, r in results.items():
        if r["first_error"]:
            print(f"  {name}: {r['first_error']}")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "import_speed.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(None if sys.argv[2] == "-" else sys.argv[2], sys.argv[3])
    else:
        main()
