"""The map page: sidebar, views, legends, tooltips, the table under the map, the border gaps."""

from geo import vocabulary as _vocabulary
from texts.common import CATEGORY_NAMES, ILLUSTRATIVE, OUTSIDE_AREA_LABEL

AND = " và "
CITY_SHORT = "TP {name}"
PERCENT_POINTS = "điểm phần trăm"

SIDEBAR_FILTERS = "Lọc bản đồ"
FILTER_DISTRICTS = "Huyện / thành phố"
FILTER_DISTRICTS_HELP = "Để trống để xem toàn tỉnh."
ALL_DISTRICTS = "Toàn tỉnh (chọn huyện để lọc)"
FILTER_BORDER_ONLY = "Chỉ các xã biên giới"
FILTER_BORDER_SOURCE = "Xã biên giới theo"
BORDER_SOURCE_EITHER = "Nguồn dẫn hoặc tính từ đường biên giới"
BORDER_SOURCE_SOURCED = "Danh sách có nguồn dẫn"
BORDER_SOURCE_COMPUTED = "Tính từ đường biên giới"
SEARCH_COMMUNE = {
    _vocabulary.PERIOD_2021.key: "Tìm xã, phường, thị trấn",
    _vocabulary.PERIOD_2026.key: "Tìm xã, phường",
}
SEARCH_PLACEHOLDER = "Gõ tên, có dấu hoặc không: gia mien, Hoà Bình…"
SEARCH_HELP = "Không phân biệt chữ hoa, chữ thường, có dấu hay không dấu. Gõ số để tìm theo mã xã."
SEARCH_NOT_FOUND = ("Không tìm thấy xã, phường nào có tên như đã gõ (xem dòng dưới tiêu đề); bản đồ hiển thị toàn "
                    "tỉnh. Kiểm tra lại chính tả, hoặc xóa ô tìm kiếm.")
BASEMAP_OSM = "Nền OpenStreetMap (cần Internet)"
LABEL_SIZE = "Cỡ chữ nhãn lớn (trình chiếu)"
SELECTION_CAPTION = "Đang chọn {selected}/{total} {units} · {filters} · {sources}"
# What a period's units are called in counts and headers.
UNIT_NOUN = {_vocabulary.PERIOD_2021.key: "xã", _vocabulary.PERIOD_2026.key: "xã, phường"}
COL_UNIT_2026 = "Xã, phường"
# A view's title, with the period it shows (unless the title already names it).
TITLE_IN_PERIOD = "{title} — giai đoạn {period}"
TITLE_CARRIED = "{title} — số liệu 2021-2025 quy sang 65 xã, phường mới (ước tính)"
CARRIED_BASIS = ("Số liệu giai đoạn 2021-2025 (QĐ 861/QĐ-TTg, QĐ 612/QĐ-UBDT) quy sang 65 xã, phường từ "
                 "01/7/2025; cách gộp ghi ở chú giải")
ADMIN_VIEW_NAME = {
    _vocabulary.PERIOD_2021.key: "Hành chính (theo huyện)",
    _vocabulary.PERIOD_2026.key: "Hành chính (theo huyện cũ)",
}
NOTHING_SELECTED = "Không có xã nào khớp bộ lọc; bản đồ hiển thị toàn tỉnh."
LEGEND_TITLE_DISTRICT = {
    _vocabulary.PERIOD_2021.key: "Huyện / thành phố",
    _vocabulary.PERIOD_2026.key: "Huyện cũ (xã gồm hai huyện cũ: theo phần lớn diện tích)",
}
LEGEND_PROVINCE = "Ranh giới tỉnh"
LEGEND_DISTRICT = "Ranh giới huyện"
LEGEND_BORDER = "Biên giới Việt Nam – Trung Quốc"
LAYER_SELECTION = "Vùng đang chọn"
TOOLTIP_COMMUNE = "Xã"
TOOLTIP_TYPE = "Loại"
TOOLTIP_DISTRICT = "Huyện"
TOOLTIP_CODE = "Mã GSO"
TOOLTIP_BORDER = "Biên giới"
TOOLTIP_NEW_COMMUNE = "Thuộc xã mới (2025)"
TOOLTIP_OLD_COMMUNES = "Gồm các xã cũ (2021-2025)"
COL_FORMER_DISTRICT = "Huyện cũ (để nhóm)"
TOOLTIP_ZONE = "Vùng ranh giới chưa xác định (xã cũ)"
TOOLTIP_ZONE_SHARED = "Chia cho"
LEGEND_ZONES = "Ranh giới chưa xác định (xã cũ chia cho hai xã mới)"
BORDER_BOTH = "Có (nguồn dẫn và tính toán)"
BORDER_SOURCED_ONLY = "Có theo nguồn dẫn; tính toán không thấy — cần kiểm tra"
BORDER_COMPUTED_ONLY = "Tính toán thấy giáp biên; chưa có nguồn dẫn — cần kiểm tra"
FULLSCREEN = "Toàn màn hình"
FULLSCREEN_EXIT = "Thoát toàn màn hình"
BORDER_SECTION = "Xã biên giới: so sánh hai nguồn"
BORDER_EXPLAIN = (
    "Danh sách có nguồn dẫn ({sourced} xã) chưa đầy đủ; danh sách tính toán ({computed} xã) "
    "lấy các xã có ít nhất {min_km} km đường biên giới nằm trong {buffer_m} m. "
    "Xã chỉ có ở một danh sách được đánh dấu để kiểm tra, không bị ẩn."
)
COL_DISTRICT = "Huyện"
COL_COMMUNE = "Xã"
COL_CODE = "Mã GSO"
COL_BORDER_KM = "Chiều dài biên giới gần xã (km)"
COL_BORDER_STATUS = "Tình trạng"
COL_NEW_COMMUNE = "Xã mới (2025)"
VIEW_DISTRICTS = {
    _vocabulary.PERIOD_2021.key: "Các xã, phường, thị trấn theo huyện",
    _vocabulary.PERIOD_2026.key: "65 xã, phường (từ 01/7/2025) theo huyện cũ",
}
SUBTITLE_WHOLE_PROVINCE = "Toàn tỉnh"
SUBTITLE_DISTRICTS = "Huyện: {districts}"
SUBTITLE_FORMER_DISTRICTS = "Huyện cũ: {districts}"
SUBTITLE_BORDER = "chỉ xã biên giới ({source})"
SUBTITLE_SCORE = "điểm ưu tiên {low}–{high}"
SEARCH_WORDS = "Tìm «{query}»: {found}"  # the search in the subtitle: what was typed, what it found
SEARCH_MORE = "và {count} nơi khác"
SEARCH_NONE = "không tìm thấy"
VIEW_CATEGORIES = {
    _vocabulary.PERIOD_2021.key: "Phân định xã khu vực I, II, III (QĐ 861/QĐ-TTg)",
    _vocabulary.PERIOD_2026.key: "Phân định xã khu vực I, II, III giai đoạn 2026-2030 (NĐ 272/2025/NĐ-CP)",
}
VIEW_GAP = "Khoảng cách tới mục tiêu {year}: {label}"
VIEW_PRIORITY = "Điểm ưu tiên đầu tư"
LEGEND_TITLE_CATEGORY = {
    _vocabulary.PERIOD_2021.key: "Khu vực (số xã / theo Nghị quyết)",
    _vocabulary.PERIOD_2026.key: "Khu vực (số xã, phường)",
}
LEGEND_TITLE_INDICATOR = "Giá trị ({unit})"
LEGEND_TITLE_GAP = "So với mục tiêu {year} ({target})"
LEGEND_TITLE_PRIORITY = "Điểm ưu tiên (0–100)"
LEGEND_NO_DATA = "Chưa có dữ liệu"
CATEGORY_LEGEND = "Khu vực {category}: {count} xã (NQ: {official})"
CATEGORY_LEGEND_COUNT = "Khu vực {category}: {count} xã"
CATEGORY_OUTSIDE = "Ngoài vùng DTTS&MN: {count} xã"
CLASS_RANGE = "{low} – {high}"
SCORE_UNIT = "điểm"
LEGEND_VILLAGES = "Thôn đặc biệt khó khăn (số = số thôn)"
VILLAGES_POPUP = "{count} thôn đặc biệt khó khăn:"
VILLAGES_SCROLL_CUE = "Cuộn để xem thêm"  # under a village list longer than its popup
COL_CATEGORY = "Khu vực"
COL_BORDER = "Biên giới"
COL_VILLAGES = "Số thôn ĐBKK"
COL_VALUE = "Giá trị ({unit})"
COL_TARGET = "Mục tiêu {year}"
COL_GAP = "Còn thiếu so với mục tiêu"
COL_MET = "Đạt mục tiêu"
COL_RANK = "Hạng"
COL_SCORE = "Điểm ưu tiên"
COL_MISSING = "Thiếu số liệu"
COL_N_MISSED = "Số mục tiêu chưa đạt"
COL_MISSED = "Mục tiêu chưa đạt (giá trị / mục tiêu)"
COL_N_MET = "Số mục tiêu đã đạt"
COL_N_UNKNOWN = "Chưa có số liệu"
COMPONENT_NAMES = {  # the parts of the priority score (geo.priority.COMPONENTS)
    "category": "khu vực",
    "villages": "số thôn ĐBKK",
    "gaps": "thiếu hụt chỉ tiêu",
    "border": "biên giới",
}
COMPONENT_LABELS = {component: f"Theo {name}" for component, name in COMPONENT_NAMES.items()}
# How a priority score was made, in every export (layers.thematic.priority_recipe).
PRIORITY_RECIPE = "Điểm tính theo trọng số {weights}; thiếu hụt so với mục tiêu năm {year} của: {indicators}."
PRIORITY_RECIPE_WEIGHT = "{component} {weight}"
PRIORITY_RECIPE_NO_INDICATOR = "không chỉ tiêu nào"
SCORE_LINE = "{raw} → {points}"
GAPS_RAW = "thiếu trung bình {share} so với mục tiêu"  # a priority popup: the mean shortfall of the ticked
NO_VALUE = "Chưa có dữ liệu"
EXPORT_SECTION = "Xuất bản đồ và bảng số liệu (PNG, PDF, HTML, Excel, GeoPackage)"
EXPORT_TITLE = "Tiêu đề bản đồ"
EXPORT_PAGE = "Khổ giấy"
EXPORT_ORIENTATION = "Hướng giấy"
ORIENTATION_NAMES = {"landscape": "Ngang", "portrait": "Dọc"}
EXPORT_DPI = "Độ phân giải ảnh PNG (dpi)"
EXPORT_PNG = "Tải ảnh PNG"
EXPORT_PDF = "Tải PDF (vector)"
EXPORT_HTML = "Tải bản đồ tương tác (HTML)"
EXPORT_XLSX = "Tải bảng Excel"
EXPORT_HELP = ("Ảnh PNG/PDF có tiêu đề, bộ lọc đang chọn, chú giải, thước tỷ lệ, mũi tên chỉ hướng Bắc, sơ đồ vị "
               "trí, nguồn và ngày xuất. Tệp HTML mở được không cần Internet. Bảng Excel giống bảng dưới bản đồ.")
PAGE_MAP = "Bản đồ"
PAGE_IMPORT = "Nhập dữ liệu"
PAGE_BRIEFING = "Tài liệu họp"
SIDEBAR_VIEW = "Nội dung bản đồ"
DATA_SOURCE = "Dữ liệu hiển thị"
SOURCE_FILES = "dữ liệu nhập từ tệp {files}"
VIEW_KIND = "Bản đồ"
VIEW_KIND_NAMES = {
    "category": "Phân định khu vực I, II, III",
    "indicator": "Chỉ tiêu",
    "gap": "Khoảng cách tới mục tiêu",
    "priority": "Điểm ưu tiên đầu tư",
}
INDICATOR = "Chỉ tiêu"
NO_TARGET_DATA = ("Không chỉ tiêu nào có số liệu mà Nghị quyết đặt mục tiêu bằng số cho năm {year}: đang hiện bản "
                  "đồ phân định khu vực.")
NO_INDICATOR_DATA = "Chưa có số liệu chỉ tiêu cho nguồn dữ liệu này. Hãy nhập ở trang «Nhập dữ liệu»."
PERIOD_LABEL = "Giai đoạn"
# The data a map shows, as the sidebar's choice and the briefing pack's list name it.
SOURCE_NAMES = {_vocabulary.IMPORTED: "Dữ liệu của tỉnh (đã nhập)", _vocabulary.DEMO: ILLUSTRATIVE,
                _vocabulary.CARRIED: "Số liệu 2021-2025 quy sang xã mới (ước tính)"}
CARRIED_NOTICE = ("Đang xem số liệu giai đoạn 2021-2025 quy sang 65 xã, phường mới: số thôn ĐBKK và số liệu "
                  "đếm được cộng lại; tỷ lệ gộp theo quy tắc ghi ở chú giải (nhiều giá trị là ước tính). Khu vực "
                  "2026-2030 không suy ra từ số liệu cũ. Xã cũ chia cho hai xã mới không được tính vào xã nào.")
CARRIED_LEGEND = "{title} — {rule}"
COL_CARRY_NOTE = "Ghi chú quy đổi"
COL_VILLAGES_CARRIED = "Số thôn ĐBKK 2021-2025"
UNPLACED_TITLE = "Thôn ĐBKK 2021-2025 chưa xác định thuộc xã mới nào ({count})"
UNPLACED_HELP = ("Các thôn này thuộc xã cũ được chia cho hai xã mới (Bính Xá, Kiên Mộc, Đại Đồng); đường chia chưa "
                 "được công bố nên không cộng vào xã nào.")
OR_JOIN = " hoặc "
UNPLACED_COLUMNS = {"old_commune": "Xã cũ", "village": "Thôn", "candidates": "Thuộc một trong hai xã mới"}
PERIOD_BASIS = {
    _vocabulary.PERIOD_2021.key: "Giai đoạn 2021-2025: QĐ 861/QĐ-TTg (khu vực), QĐ 612/QĐ-UBDT (thôn ĐBKK)",
    _vocabulary.PERIOD_2026.key: ("Giai đoạn 2026-2030: NĐ 272/2025/NĐ-CP và quyết định của UBND tỉnh (khu vực, "
                                  "thôn ĐBKK)"),
}
PERIOD_NAMES = {
    _vocabulary.PERIOD_2026.key: "2026-2030 · 65 xã, phường (từ 01/7/2025)",
    _vocabulary.PERIOD_2021.key: "2021-2025 · 200 xã, 11 huyện",
}
FILTER_FORMER_DISTRICTS = "Huyện cũ (để nhóm)"
FILTER_FORMER_DISTRICTS_HELP = ("Từ 01/7/2025 không còn cấp huyện. Mỗi xã, phường được xếp vào huyện cũ chiếm phần "
                                "lớn diện tích của nó. Để trống để xem toàn tỉnh.")
# The notice over a thematic view without data, per period.
NO_DATA_NOTICE = {
    _vocabulary.PERIOD_2021.key: ("Chưa có dữ liệu phân định khu vực, thôn ĐBKK hay chỉ tiêu. Hãy nhập tệp của "
                                  "tỉnh ở trang «Nhập dữ liệu», hoặc tạo dữ liệu minh họa ở đó để xem thử."),
    _vocabulary.PERIOD_2026.key: ("Giai đoạn 2026-2030 chưa có dữ liệu phân định khu vực, thôn đặc biệt khó khăn "
                                  "hay chỉ tiêu: bản đồ hiện 65 xã, phường mới. Dữ liệu đã nhập thuộc giai đoạn "
                                  "2021-2025 (chọn ở mục «Giai đoạn»)."),
}
CLASS_METHOD = "Cách chia lớp"
METHOD_NAMES = {
    "natural_breaks": "Ngắt tự nhiên (Jenks)",
    "quantiles": "Phân vị (số xã bằng nhau)",
    "equal_interval": "Khoảng đều",
    "targets": "Theo mục tiêu 2025/2030",
}
CLASS_COUNT = "Số lớp"
TARGET_YEAR = "So với mục tiêu năm"
PRIORITY_HELP = ("Điểm 0–100 = tổng có trọng số của: khu vực (III = 1, II = 0,5, I = 0), số thôn ĐBKK "
                 "(so với xã nhiều nhất), mức thiếu hụt trung bình so với mục tiêu {year} của các chỉ tiêu được "
                 "chọn, và xã biên giới (= 1). Kéo thanh trượt để đổi trọng số.")
PRIORITY_INDICATORS = "Chỉ tiêu tính vào mức thiếu hụt"
TOP_N = "Số xã ưu tiên hàng đầu (viền cam)"
FILTER_CATEGORIES = "Khu vực"
ALL_CATEGORIES = "Mọi khu vực"
CATEGORY_FILTER_NAMES = {**CATEGORY_NAMES, _vocabulary.OUTSIDE: OUTSIDE_AREA_LABEL}
FILTER_SCORE = "Khoảng điểm ưu tiên"
SHOW_VILLAGES = "Hiện thôn đặc biệt khó khăn"
ILLUSTRATIVE_WARNING = ("Dữ liệu minh họa: khu vực, thôn và số liệu chỉ tiêu trên bản đồ này được sinh tự động để "
                        "trình diễn, KHÔNG phải số liệu chính thức.")
CLICKED_TITLE = "**Xã được chọn trên bản đồ:** {commune}"
TABLE_TITLE = "Bảng số liệu (theo bộ lọc; bấm tiêu đề cột để sắp xếp)"
TABLE_FIRST_ROWS = ("Bảng hiển thị {shown} dòng đầu trong {total} dòng. Dùng bộ lọc để thu hẹp, hoặc tải bảng Excel "
                    "(mục \"Xuất bản đồ và bảng số liệu\") để có đủ mọi dòng.")
SIDEBAR_LOADING = "Các lựa chọn và bộ lọc hiện ra ngay sau khi bản đồ vẽ xong."
BELOW_MAP_LOADING = "Bảng số liệu và phần xuất bản đồ hiện ra ngay sau khi bản đồ vẽ xong."
BORDER_GAPS = "Xã biên giới còn chưa đạt mục tiêu"
BORDER_GAPS_HELP = "Liệt kê từng xã biên giới và các mục tiêu của năm đang chọn mà xã đó còn chưa đạt."
VILLAGE_NAMES = "Thôn ĐBKK"
COL_ITEM = "Mục"
COL_DETAIL = "Thông tin"
TOT_SUMMARY_COLUMNS = {"item": "Mục", "found": "Trong tệp", "official": "Chính thức", "difference": "Chênh lệch"}
HISTORY_ACTIONS = {
    "import": "Nhập",
    "rollback": "Quay lại phiên bản {version}",
    "clear": "Bỏ dữ liệu (về «chưa có dữ liệu»)",
}
HISTORY_NO_DATA = "chưa có dữ liệu"
ROLLBACK_VERSION_OPTION = "Phiên bản {version}: tệp «{file}», {rows} dòng, nhập lúc {at}"
IMPORT_PREVIEW_COLUMNS = {"gso_code": "Mã xã", "district": "Huyện", "commune": "Xã", "village": "Thôn",
                          "area_category": "Khu vực", "indicator": "Chỉ tiêu", "value": "Giá trị", "year": "Năm",
                          "lon": "Kinh độ", "lat": "Vĩ độ"}

# Crosswalk page
PAGE_CROSSWALK = "Đối chiếu xã cũ – xã mới"
CROSSWALK_EXPLAIN = (
    "Từ 01/7/2025, theo Nghị quyết 1672/NQ-UBTVQH15 ngày 16/6/2025, 200 xã, phường, thị trấn của 11 huyện "
    "được sắp xếp thành 65 xã, phường (61 xã, 4 phường) và không còn cấp huyện. Mỗi xã cũ thuộc trọn một xã mới, "
    "trừ xã Bính Xá và xã Kiên Mộc (huyện Đình Lập), mỗi xã chia cho hai xã mới, và xã Đại Đồng (huyện Tràng "
    "Định), đã chia cho thị trấn Thất Khê và xã Đội Cấn từ 01/12/2024 (Nghị quyết 1246/NQ-UBTVQH15). Đường chia "
    "của ba xã này chưa được công bố: bảng ghi «(một phần)», và thôn đặc biệt khó khăn của chúng không được cộng "
    "vào xã mới nào vì chưa rõ thôn nào thuộc phần nào."
)
CROSSWALK_CODES_NOTE = (
    "Năm xã mới (Quốc Khánh, Na Sầm, Thiện Tân, Cao Lộc, Ba Sơn) có mã khác nhau giữa Công văn "
    "1027/CTK-CSCL và một danh mục công khai khác: bảng ghi cả hai mã."
)
CROSSWALK_NO_DATA = ("Chưa có dữ liệu khu vực và thôn đặc biệt khó khăn giai đoạn 2021-2025: các cột đó ghi "
                     "«Chưa có dữ liệu». Hãy nhập ở trang «Nhập dữ liệu», hoặc tạo dữ liệu minh họa ở đó để xem thử.")
CROSSWALK_NO_DATA_2026 = ("Chưa có danh sách khu vực và thôn đặc biệt khó khăn giai đoạn 2026-2030 (Nghị định "
                          "272/2025/NĐ-CP): các cột 2026-2030 ghi «Chưa có dữ liệu» cho đến khi tỉnh nhập danh sách.")
CROSSWALK_ILLUSTRATIVE = ("Dữ liệu minh họa: khu vực và thôn đặc biệt khó khăn trong bảng được sinh tự động để "
                          "trình diễn, KHÔNG phải số liệu chính thức.")
CROSSWALK_SEARCH = "Tìm theo tên xã cũ hoặc xã mới"
CROSSWALK_SEARCH_PLACEHOLDER = "Ví dụ: Kiên Mộc, hoa binh, TT Thất Khê…"
CROSSWALK_MATCHES = "{count}/{total} dòng khớp với từ tìm."
CROSSWALK_NO_MATCH = "Không có xã nào khớp với từ tìm."
CROSSWALK_TAB_UNITS = "Theo xã mới ({count})"
CROSSWALK_TAB_OLD = "Theo xã cũ ({count})"
CROSSWALK_TITLE_UNITS = "Đối chiếu xã cũ – xã mới: 65 xã, phường từ 01/7/2025"
CROSSWALK_TITLE_OLD = "Đối chiếu xã cũ – xã mới: 200 xã, phường, thị trấn giai đoạn 2021-2025"
CROSSWALK_FILTER_SEARCH = "Tìm theo tên: «{text}»"
CROSSWALK_SOURCE = ("Nghị quyết 1672/NQ-UBTVQH15 ngày 16/6/2025 (sắp xếp đơn vị hành chính cấp xã), "
                    "bảng đối chiếu {file}")
CROSSWALK_SOURCE_DATA = "Khu vực và thôn đặc biệt khó khăn {period}: {source}"
CROSSWALK_CATEGORY_SHORT = {_vocabulary.CATEGORY_III: "KV III", _vocabulary.CATEGORY_II: "KV II",
                            _vocabulary.CATEGORY_I: "KV I"}
CROSSWALK_CATEGORY_COUNT = "{category}: {count}"
CROSSWALK_OUTSIDE_SHORT = "ngoài vùng"
CROSSWALK_UNKNOWN_SHORT = "chưa có dữ liệu"
CROSSWALK_SPLIT_VILLAGES = "chưa cộng {count} thôn của {commune} (xã bị chia, chưa rõ thôn nào thuộc xã này)"
CROSSWALK_COLUMNS = {
    "new_code": "Mã xã mới (CV 1027/CTK-CSCL)",
    "other_code": "Mã theo nguồn khác",
    "new_commune": "Xã, phường mới",
    "new_type": "Loại",
    "former_districts": "Huyện cũ",
    "old_communes": "Gồm các xã cũ (2021-2025)",
    "old_codes": "Mã các xã cũ",
    "old_categories": "Khu vực 2021-2025 của các xã cũ (số xã)",
    "old_villages": "Thôn ĐBKK 2021-2025 (cộng các xã cũ nhập toàn bộ)",
    "villages_note": "Ghi chú về số thôn",
    "category_2026": "Khu vực 2026-2030",
    "villages_2026": "Thôn ĐBKK 2026-2030",
    "old_code": "Mã xã cũ",
    "old_commune": "Xã cũ",
    "district": "Huyện",
    "category_2021": "Khu vực 2021-2025",
    "villages_2021": "Số thôn ĐBKK 2021-2025",
    "village_names_2021": "Thôn ĐBKK 2021-2025",
    "new_communes": "Nay thuộc xã, phường mới",
    "new_codes": "Mã xã mới",
}

# Carry-over of 2021-2025 data onto the 65 units (geo/carry_over.py): the two marks, and the rule of each
# carried value (keys: geo.carry_over.RULES) for legends and tables.
ESTIMATED_MARK = "ước tính"
APPROXIMATE_MARK = "gần đúng"
CARRY_OVER_RULES = {
    "sum": "cộng số liệu của các xã cũ nhập toàn bộ vào đơn vị",
    "villages": "tính lại tỷ lệ trên từng thôn của các xã cũ (chính xác)",
    "village_share_mean": f"{ESTIMATED_MARK}: trung bình không trọng số tỷ lệ thôn của các xã cũ "
                          "(thiếu tổng số thôn của từng xã)",
    "commune_share": f"{ESTIMATED_MARK}: tỷ lệ số xã cũ đạt (nay đơn vị là một xã, cần đánh giá lại)",
    "mean": f"{ESTIMATED_MARK}: trung bình không trọng số của các xã cũ (thiếu số dân của từng xã)",
}
CARRY_OVER_APPROXIMATE = (f"{APPROXIMATE_MARK}: chưa tính {{communes}} (xã cũ chia cho hai đơn vị, chưa rõ phần "
                          "nào thuộc đơn vị này)")

# Compare page (ui/compare_page.py, layers/compare.py, layers/web/compare.py)
PAGE_COMPARE = "So sánh hai giai đoạn"
COMPARE_EXPLAIN = (
    "Bên trái: giai đoạn 2021-2025 trên 200 xã, phường, thị trấn cũ. Bên phải: giai đoạn 2026-2030 trên 65 xã, "
    "phường từ 01/7/2025. Hai bản đồ luôn cùng tâm và cùng mức phóng: kéo hoặc phóng to một bản đồ thì bản đồ kia đi "
    "theo. Vùng gạch chéo là xã cũ chia cho hai xã mới, chưa rõ đường ranh giới."
)
COMPARE_SUBJECT = "Nội dung so sánh"
COMPARE_SUBJECT_CATEGORY = "Khu vực I, II, III"
COMPARE_SUBJECT_HELP = ("Một chỉ tiêu chỉ có ở đây khi cả hai giai đoạn đều có số liệu của chỉ tiêu đó; hai bản đồ "
                        "khi đó dùng chung một thang màu.")
COMPARE_NO_DATA = {
    _vocabulary.PERIOD_2021.key: ("Giai đoạn 2021-2025 chưa có dữ liệu khu vực, thôn đặc biệt khó khăn hay chỉ tiêu: "
                                  "bản đồ bên trái chỉ vẽ 200 xã cũ. Hãy nhập ở trang «Nhập dữ liệu», hoặc tạo dữ liệu "
                                  "minh họa ở đó để xem thử."),
    _vocabulary.PERIOD_2026.key: ("Giai đoạn 2026-2030 chưa có dữ liệu khu vực, thôn đặc biệt khó khăn hay chỉ tiêu: "
                                  "bản đồ bên phải chỉ vẽ 65 xã, phường. Hãy nhập danh sách của tỉnh ở trang «Nhập dữ "
                                  "liệu»."),
}
COMPARE_MAP_NO_DATA = "Chưa có dữ liệu của giai đoạn này"
COMPARE_ILLUSTRATIVE = ("Dữ liệu minh họa: khu vực, thôn và số liệu chỉ tiêu trên hai bản đồ và trong các bảng của "
                        "trang này được sinh tự động để trình diễn, KHÔNG phải số liệu chính thức.")
COMPARE_LEGEND_SHARED = "{title} · thang màu chung hai giai đoạn"
COMPARE_PAGE_TITLE = "So sánh giai đoạn 2021-2025 và 2026-2030: {subject}"
COMPARE_HTML = "Tải trang so sánh (HTML)"
COMPARE_HTML_HELP = "Một tệp HTML chứa cả hai bản đồ, mở được không cần Internet."
COMPARE_CHANGES_TITLE = "Đơn vị vào hoặc ra khỏi khu vực III"
COMPARE_CHANGES_EXPLAIN = (
    "Mỗi dòng là một xã, phường mới: khu vực 2026-2030 của đơn vị bên cạnh khu vực 2021-2025 của các xã cũ hợp "
    "thành. «Ra khỏi KV III»: có xã cũ thuộc khu vực III nhưng đơn vị mới không thuộc khu vực III. «Vào KV III»: "
    "đơn vị mới thuộc khu vực III nhưng không xã cũ nào thuộc khu vực III. Xã cũ bị chia ghi «(một phần)»."
)
COMPARE_CHANGES_ONLY = "Chỉ hiện đơn vị vào hoặc ra khỏi khu vực III"
COMPARE_CHANGES_SUMMARY = ("{entered} đơn vị vào khu vực III; {left} đơn vị có xã cũ ra khỏi khu vực III ({communes} "
                           "xã cũ); {stayed} đơn vị vẫn thuộc khu vực III.")
COMPARE_CHANGES_UNAVAILABLE = ("Chưa so sánh được khu vực: giai đoạn {period} chưa có danh sách khu vực. Bảng vẫn ghi "
                               "khu vực của giai đoạn còn lại.")
COMPARE_CHANGES_NONE = "Không có đơn vị nào vào hoặc ra khỏi khu vực III."
COMPARE_CHANGE = {"entered": "Vào KV III", "left": "Ra khỏi KV III", "stayed": "Vẫn KV III",
                  "outside": "Không thuộc KV III ở cả hai giai đoạn", "unknown": "Chưa đủ dữ liệu để so sánh"}
COMPARE_NOT_LISTED = "không có trong danh sách"
COMPARE_OLD_CATEGORY = "{commune}: {category}"
COMPARE_TITLE_CHANGES = "Khu vực III giai đoạn 2021-2025 và 2026-2030, theo 65 xã, phường"
COMPARE_VILLAGES_TITLE = "Thôn đặc biệt khó khăn 2021-2025 không khớp với danh sách 2026-2030"
COMPARE_VILLAGES_EXPLAIN = (
    "Mỗi thôn của danh sách 2021-2025 (QĐ 612/QĐ-UBDT) được tìm theo tên trong danh sách 2026-2030 của xã, phường "
    "mới mà xã cũ của nó nhập vào (không phân biệt chữ hoa, chữ «Thôn», «Xóm» ở đầu và cách đặt dấu thanh). Thôn "
    "không tìm thấy ghi «không khớp tên»: có thể đã ra khỏi danh sách, cũng có thể đã đổi tên hoặc sáp nhập (Nghị "
    "quyết 57/NQ-HĐND), cần đối chiếu. Thôn của xã cũ chia cho hai đơn vị ghi «chưa xác định xã mới»."
)
COMPARE_VILLAGES_SUMMARY = ("{no_match} thôn không khớp tên, {duplicate} thôn trùng tên, {unplaced} thôn chưa xác "
                            "định xã mới; {matched} thôn khớp tên trong danh sách 2026-2030.")
COMPARE_VILLAGES_UNAVAILABLE = "Chưa so sánh được thôn: giai đoạn {period} chưa có danh sách thôn đặc biệt khó khăn."
COMPARE_VILLAGE_STATUS = {
    "matched": "khớp tên",
    "no_match": "không khớp tên",
    "duplicate": "trùng tên: các xã cũ có nhiều thôn tên này hơn danh sách mới",
    "unplaced": "chưa xác định xã mới (xã cũ chia cho hai đơn vị)",
}
COMPARE_COLUMNS = {
    "new_code": "Mã xã mới",
    "new_commune": "Xã, phường mới",
    "category_2026": "Khu vực 2026-2030",
    "old_categories": "Khu vực 2021-2025 của các xã cũ",
    "change": "Thay đổi",
    "left_communes": "Xã cũ KV III nay thuộc đơn vị không KV III",
    "old_code": "Mã xã cũ",
    "old_commune": "Xã cũ",
    "village": "Thôn ĐBKK 2021-2025",
    "status": "Đối chiếu với danh sách 2026-2030",
}

# A view is a link (ui/view_link.py).
COPY_LINK = "Sao chép liên kết"
COPY_LINK_DONE = "Đã sao chép liên kết của bản đồ này."
COPY_LINK_FAILED = "Không sao chép được; hãy chép địa chỉ này:"
LINK_IGNORED = "Liên kết có tham số không dùng được nên đã bỏ qua: {names}."
# Presentation mode (ui/presentation.py).
PRESENT_MODE = "Chế độ trình chiếu"
PRESENT_MODE_HELP = "Ẩn thanh bên, bản đồ đầy màn hình, chữ chú giải và tiêu đề lớn để đọc được từ cuối phòng họp."
PRESENT_EXIT = "Thoát trình chiếu"
DEMO_MISSING = ("Chưa có dữ liệu minh họa. Vào trang «Nhập dữ liệu», mục «4. Dữ liệu minh họa», bấm «Tạo dữ liệu "
                "minh họa», rồi quay lại đây.")
