"""Exports: the printed map (PNG/PDF) furniture, the Excel sheet, the offline HTML."""

# Print map (PNG/PDF); "Dữ liệu minh họa" itself is ILLUSTRATIVE / ILLUSTRATIVE_NOTE above.
PRINT_HEADER = "Tỉnh Lạng Sơn"
PRINT_LEGEND_COUNT = "Số xã"
PRINT_LEGEND_COUNT_SELECTED = "Số xã trong bộ lọc"
RECIPE_TITLE = "Cách tính điểm"  # the Excel "Nguồn" row of MapView.recipe (a priority score's weights...)
PRINT_LEGEND_OUTLINES = "Ranh giới"
PRINT_LEGEND_SELECTED = "Xã trong bộ lọc"
PRINT_LEGEND_DIMMED = "Xã ngoài bộ lọc (làm mờ)"
PRINT_SCALE = "Tỷ lệ 1:{denominator}"
PRINT_KM = "km"
PRINT_NORTH = "Bắc"
PRINT_INSET_TITLE = "Sơ đồ vị trí"
PRINT_INSET_EXTENT = "Phạm vi bản đồ"
PRINT_PARACELS = "QĐ. Hoàng Sa"
PRINT_SPRATLYS = "QĐ. Trường Sa"
PRINT_INSET_SOURCE = "Nền: Natural Earth"
PRINT_NEIGHBOUR = "TRUNG QUỐC"
PRINT_EXPORT_DATE = "Ngày xuất: {date}"
PRINT_CRS = "Hệ tọa độ: WGS 84 / UTM múi 48N (EPSG:32648)"
# Excel export
XLSX_SHEET_TABLE = "Bảng số liệu"
XLSX_SHEET_SOURCES = "Nguồn"
XLSX_TITLE = "Tiêu đề"
XLSX_FILTERS = "Bộ lọc"
XLSX_SOURCES = "Nguồn số liệu"
XLSX_EXPORTED_AT = "Thời điểm xuất"
XLSX_ROWS = "Số dòng"
XLSX_NOTE = "Ghi chú"
PRINT_LEGEND_VILLAGE_POINTS = "Thôn đặc biệt khó khăn (vị trí)"
PRINT_LEGEND_VILLAGE_BADGES = "Số thôn đặc biệt khó khăn của xã (chưa có tọa độ)"
# Offline HTML export: the header above the map
HTML_EXPORTED_AT = "Ngày xuất: {time} (giờ Việt Nam)"
# Under the classes of a print legend too long for its box (hundreds of districts): the rest are in the table.
PRINT_LEGEND_LEFT_OUT = "… và {count} mục khác (không đủ chỗ trên trang; xem bảng số liệu)."
# GeoPackage for QGIS (layers/export/geopackage.py): the button, its help, layer titles, field aliases and the
# rows of its "thong_tin" table (the other rows reuse the Excel "Nguồn" sheet's labels above).
EXPORT_GPKG = "Tải GeoPackage (QGIS)"
EXPORT_GPKG_HELP = ("Tệp GeoPackage (.gpkg) mở bằng QGIS: các lớp của bản đồ này (đơn vị hành chính với mọi cột của "
                    "bảng, thôn, ranh giới, biên giới) với màu và chú giải như trên màn hình; bảng “thong_tin” ghi "
                    "tiêu đề, bộ lọc, nguồn và ngày xuất.")
GPKG_FIELD_CLASS = "Lớp trên bản đồ (chú giải)"
GPKG_FIELD_COLOUR = "Màu trên bản đồ"
GPKG_FIELD_VILLAGE = "Thôn"
GPKG_FIELD_LON = "Kinh độ"
GPKG_FIELD_LAT = "Vĩ độ"
GPKG_FIELD_NAME = "Tên"
GPKG_FIELD_OLD_CODE = "Mã GSO xã cũ"
GPKG_FIELD_OLD_DISTRICT = "Huyện cũ"
GPKG_LAYER_VILLAGES = "Thôn đặc biệt khó khăn"
GPKG_LAYER_INFO = "Thông tin về bản đồ"
GPKG_INFO_LEGEND = "Chú giải"
GPKG_INFO_CRS = "Hệ tọa độ"
GPKG_CRS_NAME = "WGS 84 / UTM múi 48N (EPSG:32648), như bản đồ in"
GPKG_STYLE_DESCRIPTION = "Màu, lớp và chú giải như bản đồ trong ứng dụng"
# The atlas (layers/paper/atlas*.py): one PDF, a cover, the contents, one page per unit; its controls in the
# export section.
EXPORT_ATLAS = "Tải tập bản đồ (PDF)"
EXPORT_ATLAS_TITLE = "Tập bản đồ: mỗi đơn vị hành chính một trang"
EXPORT_ATLAS_ORDER = "Thứ tự các trang"
EXPORT_ATLAS_PNG = "Kèm mỗi trang một ảnh PNG (tệp ZIP)"
EXPORT_ATLAS_PROGRESS = "Đang tạo tập bản đồ: trang {done}/{total}"
EXPORT_ATLAS_SAVE_PDF = "Lưu tập bản đồ (PDF, {pages} trang)"
EXPORT_ATLAS_SAVE_ZIP = "Lưu ảnh các trang (ZIP)"
EXPORT_ATLAS_HELP = ("Một tệp PDF: trang bìa (tiêu đề, bản đồ, bộ lọc, căn cứ pháp lý, ngày xuất), bản đồ chung, mục "
                     "lục, rồi mỗi {units} trong bộ lọc một trang: bản đồ riêng của {units} với các đơn vị lân cận tô "
                     "xám, cùng chú giải với bản đồ chung, bảng chỉ tiêu so với mục tiêu 2025, 2030, khu vực và điểm "
                     "ưu tiên. Khổ giấy và hướng giấy theo lựa chọn ở trên; ảnh PNG theo độ phân giải ở trên.")
ATLAS_ORDER_NAMES = {
    "name": "Theo tên (A–Z)",
    "rank": "Theo hạng điểm ưu tiên (cao trước)",
    "gap": "Theo khoảng cách tới mục tiêu (xa nhất trước)",
}
ATLAS_ORDER_GAP_ONE = "Theo khoảng cách tới mục tiêu {year} của «{label}» (xa nhất trước)"
ATLAS_ORDER_GAP_MEAN = ("Theo mức thiếu hụt trung bình so với mục tiêu {year} của các chỉ tiêu có số liệu (xa nhất "
                        "trước)")
ATLAS_COVER_KIND = "Tập bản đồ"
ATLAS_COVER_VIEW = "Bản đồ"
ATLAS_COVER_UNITS = "Gồm"
ATLAS_COVER_UNIT_COUNT = "{count} {units}, mỗi đơn vị một trang"
ATLAS_COVER_ORDER = "Thứ tự các trang"
ATLAS_CONTENTS_TITLE = "Mục lục"
ATLAS_ENTRY_DISTRICT = "{name} — {district}"
ATLAS_PAGE_NUMBER = "Trang {page}/{pages}"
ATLAS_PNG_NAME = "trang-{page:03d}.png"
ATLAS_LEGEND_UNIT = "{units} của trang này"
ATLAS_LEGEND_NEIGHBOURS = "Đơn vị lân cận (tô xám)"
ATLAS_TABLE_TITLE = "Chỉ tiêu so với mục tiêu năm 2025 và năm 2030"
ATLAS_COL_INDICATOR = "Chỉ tiêu (đơn vị)"
ATLAS_COL_VALUE = "Giá trị"
ATLAS_COL_GAP = "Còn thiếu"
ATLAS_GAP_MET = "Đạt"
ATLAS_INDICATOR_LABEL = "{label} ({unit})"
ATLAS_NO_INDICATORS = "Chưa có số liệu chỉ tiêu."
ATLAS_LEFT_OFF = "… và {count} mục khác (không đủ chỗ trên trang)."
ATLAS_ROWS_LEFT_OFF = "… và {count} chỉ tiêu khác (không đủ chỗ trên trang; xem bảng Excel)."
ATLAS_NOTE_RANK = "hạng {rank}"
ATLAS_NOTE_SHORTFALL = "thiếu {share}"
ATLAS_CONTENTS_OVERVIEW = "Bản đồ chung của tập"
# The atlas by district
# (layers/paper/atlas_districts.py, atlas_district.py): one page per district of 2021-2025 or former district of
# 2026-2030 instead of one per unit; the choice in the export section's atlas row.
EXPORT_ATLAS_PER = "Mỗi trang một"
ATLAS_DISTRICT_NOUN = {"2021-2025": "huyện", "2026-2030": "huyện cũ"}
ATLAS_FORMER_DISTRICT_NAME = "{name} (cũ)"
ATLAS_FACT_UNITS = "Số {units}"
ATLAS_FACT_UNITS_FILTERED = "{shown} trong bộ lọc (trên {total} {units} của {district})"
ATLAS_FACT_CATEGORIES = "Theo khu vực"
ATLAS_FACT_CATEGORY_COUNT = "{name}: {count}"
ATLAS_FACT_BORDER = "{units} biên giới"
ATLAS_FACT_MEAN_SCORE = "Điểm ưu tiên trung bình"
ATLAS_FACT_RANKING = "Các {units} theo điểm ưu tiên"
ATLAS_FACT_RANKED = "{name}: {score} (hạng {rank})"
ATLAS_FACT_FILTER = "Bộ lọc"
ATLAS_FILTER_NOTE = ("Chỉ các {units} trong bộ lọc được tô màu và tính vào số liệu của trang; các {units} khác của "
                     "{district} tô xám như đơn vị lân cận.")
ATLAS_FACT_GROUPING = "Cách xếp"
ATLAS_FORMER_DISTRICT_NOTE = ("Mỗi xã, phường được xếp vào huyện cũ chiếm phần lớn diện tích của nó: một đơn vị nằm "
                              "trên hai huyện cũ chỉ có ở một trang.")
ATLAS_ROLL_UP_NOTE = ("Số liệu của {district} tổng hợp từ các {units} trong bộ lọc: cộng số đếm; tỷ lệ số xã đạt "
                      "tính trên các {units} có số liệu; các tỷ lệ khác là trung bình không trọng số (ghi “ước tính”: "
                      "thiếu số dân, số thôn của từng {units}).")
ATLAS_ROW_MARKS = "{label} — {marks}"
ATLAS_GIVEN = "{given}/{total} {units} có số liệu"
ATLAS_NOTE_MEAN_SCORE = "điểm TB {score}"
ATLAS_ORDER_DISTRICT_RANK = "Theo điểm ưu tiên trung bình của các {units} trong bộ lọc (cao trước)"
ATLAS_ORDER_DISTRICT_GAP = "{order}, tính trên số liệu tổng hợp của mỗi {district}"
