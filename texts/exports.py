"""Exports: the printed map (PNG/PDF) furniture, the Excel sheet, the offline HTML."""

from geo import vocabulary as _vocabulary  # the keys; a leading underscore keeps it out of `texts`

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
                     "ưu tiên. Chọn «{district}» để có mỗi {district} một trang, với số liệu tổng hợp từ các {units} "
                     "trong bộ lọc. Khổ giấy và hướng giấy theo lựa chọn ở trên; ảnh PNG theo độ phân giải ở trên.")
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
ATLAS_DISTRICT_NOUN = {_vocabulary.PERIOD_2021.key: "huyện", _vocabulary.PERIOD_2026.key: "huyện cũ"}
ATLAS_FORMER_DISTRICT_NAME = "{name} (cũ)"
ATLAS_NO_DISTRICT = "Chưa rõ huyện"  # the page of units whose data names no district
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

# The briefing pack
BRIEFING_KIND = "Tài liệu họp"
BRIEFING_ADD_CURRENT = "Thêm bản đồ này vào tài liệu họp"
BRIEFING_ADDED = ("Tài liệu họp đang có {count} bản đồ. Mở trang «{page}» ở thanh bên trái để sắp xếp và tải về "
                  "một tệp PDF.")
BRIEFING_FULL = "Tài liệu họp đã đủ {limit} bản đồ: hãy bỏ bớt ở trang «{page}» rồi thêm."
BRIEFING_EMPTY = ("Tài liệu họp chưa có bản đồ nào. Có ba cách thêm: ở trang «Bản đồ», chọn bản đồ và bộ lọc, mở "
                  "mục «Xuất bản đồ và bảng số liệu» và bấm «Thêm bản đồ này vào tài liệu họp»; dán liên kết của "
                  "bản đồ (nút «Sao chép liên kết» ở thanh bên trái trang «Bản đồ») vào ô dưới đây; hoặc mở một "
                  "danh sách đã lưu (tệp .txt). Mỗi bản đồ là một trang của tệp PDF.")
BRIEFING_ROW = "{number}. {title}"
BRIEFING_ROW_DETAILS = "Giai đoạn {period} · Bộ lọc: {filters} · {source}"
BRIEFING_UP = "Chuyển bản đồ này lên trên"
BRIEFING_DOWN = "Chuyển bản đồ này xuống dưới"
BRIEFING_REMOVE = "Bỏ bản đồ này khỏi tài liệu họp"
BRIEFING_SKIPPED = "Bản đồ số {number} không in được và bị bỏ qua: {reason}"
BRIEFING_LINKS = "Dán liên kết bản đồ"
BRIEFING_LINKS_HELP = ("Mỗi dòng một liên kết (cả địa chỉ, phần «?…» hoặc chỉ phần sau dấu «?»). Dòng bắt đầu bằng "
                       "# là ghi chú, dùng làm tiêu đề cho liên kết ngay dưới nó. Tối đa {limit} bản đồ.")
BRIEFING_LINKS_ADD = "Thêm"
BRIEFING_LINKS_ADDED = "Đã thêm {count} bản đồ."
BRIEFING_NOTHING = "Không có liên kết nào để thêm."
BRIEFING_LINE_NOT_LINK = ("Dòng {line}: không phải liên kết của một bản đồ (liên kết có dạng "
                          "«http://…/?period=2021-2025&view=category…»).")
BRIEFING_LINE_TOO_LONG = "Dòng {line}: dài hơn {limit} ký tự, không phải liên kết của ứng dụng."
BRIEFING_LINE_PERIOD = "Dòng {line}: liên kết ghi một giai đoạn không có trong ứng dụng (chỉ có {periods})."
BRIEFING_PASTE_TOO_LONG = "Đoạn dán dài hơn {limit} ký tự: tài liệu họp chỉ có vài chục liên kết."
BRIEFING_TOO_MANY = "Tài liệu họp có tối đa {limit} bản đồ: từ dòng {line} trở đi chưa được thêm."
BRIEFING_LIST_UPLOAD = "Mở danh sách đã lưu (.txt)"
BRIEFING_LIST_SAVE = "Lưu danh sách (.txt)"
BRIEFING_LIST_HELP = ("Danh sách là một tệp văn bản: mỗi bản đồ một dòng tiêu đề (bắt đầu bằng #) và một dòng liên "
                      "kết; bản đồ dùng dữ liệu minh họa có thêm một dòng ghi chú nói điều đó. Có thể gửi qua thư "
                      "điện tử và mở lại ở đây vào lần họp sau.")
BRIEFING_IN_FILE = "Tệp «{file}»: {error}"
BRIEFING_FILE_NOT_TEXT = "Tệp đã chọn không phải danh sách liên kết dạng văn bản (.txt, mã UTF-8)."
BRIEFING_FILE_TOO_BIG = "Tệp đã chọn lớn hơn {limit} KB: danh sách tài liệu họp chỉ có vài chục dòng."
BRIEFING_COVER = "Có trang bìa"
BRIEFING_COVER_TITLE = "Tiêu đề trang bìa"
BRIEFING_COVER_PLACEHOLDER = "Ví dụ: Họp giao ban quý I"
BRIEFING_BUILD = "Tải tài liệu họp (PDF)"
BRIEFING_PROGRESS = "Đang tạo tài liệu họp: trang {done}/{total}"
BRIEFING_SAVE_PDF = "Lưu tài liệu họp (PDF, {pages} trang)"
BRIEFING_NO_PAGES = "Không bản đồ nào của tài liệu họp in được."
BRIEFING_HELP = ("Một tệp PDF: trang bìa (nếu chọn) liệt kê các bản đồ và số trang, rồi mỗi bản đồ một trang như "
                 "bản đồ PDF ở mục «Xuất bản đồ và bảng số liệu» (tiêu đề, bộ lọc, chú giải, nguồn, ngày xuất), "
                 "đánh số trang.")
BRIEFING_COVER_COUNT = "{count} bản đồ, mỗi bản đồ một trang"
BRIEFING_COVER_MAPS = "Gồm"
BRIEFING_COVER_PAGE = "Trang {page}"
BRIEFING_COVER_ENTRY = "{title}. Bộ lọc: {filters}. {source}."
