"""Every sentence a user reads, in Vietnamese, in one place so it can be reviewed.

Modules format these with str.format(); keep placeholders named.
"""

APP_TITLE = "Bản đồ vùng đồng bào dân tộc thiểu số và miền núi tỉnh Lạng Sơn"
APP_SUBTITLE = "Danh sách 200 đơn vị hành chính cấp xã giai đoạn 2021-2025"

# --- data loading errors (geo/) ---------------------------------------------
ERR_NO_DATA_DIR = (
    "Không tìm thấy thư mục dữ liệu ranh giới. Đã tìm ở: {searched}. "
    "Hãy đặt các tệp dữ liệu (ví dụ langson_communes_2021.geojson) vào thư mục "
    "data/boundaries/ của ứng dụng, hoặc đặt biến môi trường LANGSON_GEODATA_DIR "
    "trỏ tới thư mục chứa chúng."
)
ERR_FILE_MISSING = "Thiếu tệp dữ liệu: {file} (không có trong thư mục {folder})."
ERR_FILE_UNREADABLE = "Không đọc được tệp {file}: tệp hỏng hoặc không phải định dạng {kind}. Chi tiết: {detail}"
ERR_NO_CRS = (
    "Tệp {file} không khai báo hệ tọa độ (CRS). Với Shapefile hãy gửi kèm tệp .prj; "
    "với GeoJSON hệ tọa độ phải là WGS 84 (EPSG:4326)."
)
ERR_UNKNOWN_CRS = "Tệp {file} có hệ tọa độ không nhận dạng được: {crs}."
ERR_OUTSIDE_PROVINCE = (
    "Tệp {file}: tọa độ nằm ngoài tỉnh Lạng Sơn sau khi chuyển về WGS 84 "
    "(khung {bounds}). Hệ tọa độ khai báo ({crs}) có thể sai."
)
ERR_INVALID_GEOMETRY = "Tệp {file}: hình học không hợp lệ ở {count} đối tượng: {items}."
ERR_EMPTY_GEOMETRY = "Tệp {file}: đối tượng không có hình học ở {count} dòng: {items}."
ERR_MISSING_COLUMN = "Tệp {file}: thiếu cột «{column}»."
ERR_DUPLICATE_CODES = "Tệp {file}, cột «{column}»: mã bị trùng: {items}."
ERR_UNKNOWN_CODES = "Tệp {file}, cột «{column}»: mã không có trong danh mục xã của tỉnh: {items}."
ERR_WRONG_COUNT = "Tệp {file}: có {found} đối tượng, cần đúng {expected}."
ERR_NO_GEOMETRY_TYPE = "Tệp {file}: cần hình học dạng {expected}, nhưng có {found}."
ERR_USER_BOUNDARY_NO_KEY = (
    "Tệp ranh giới {file} không có cột mã xã (một trong: {code_columns}) "
    "cũng không có cột tên xã (một trong: {name_columns})."
)
ERR_USER_BOUNDARY_TOO_MANY = "Thư mục data/boundaries/ có nhiều tệp ranh giới xã: {files}. Hãy chỉ để lại một tệp."
WARN_USER_BOUNDARY_UNMATCHED = (
    "Tệp ranh giới {file}: {count} đối tượng không khớp với danh mục xã và không được dùng: {items}."
)
WARN_USER_BOUNDARY_MISSING = (
    "Tệp ranh giới {file} thiếu {count} xã của danh mục; các xã này lấy ranh giới mặc định: {items}."
)
ERR_CROSSWALK_MISSING = "Tệp {file}: thiếu xã mới (2025) cho các mã xã 2021: {items}."
ROW_LABEL = "dòng {row}"
MATCH_UNKNOWN = "không tìm thấy xã «{name}»"
MATCH_AMBIGUOUS = "tên «{name}» trùng ở {count} xã ({districts}); cần ghi rõ huyện"

# --- map and sidebar ---------------------------------------------------------
SIDEBAR_FILTERS = "Lọc bản đồ"
FILTER_DISTRICTS = "Huyện / thành phố"
FILTER_DISTRICTS_HELP = "Để trống để xem toàn tỉnh."
ALL_DISTRICTS = "Toàn tỉnh (chọn huyện để lọc)"
FILTER_BORDER_ONLY = "Chỉ các xã biên giới"
FILTER_BORDER_SOURCE = "Xã biên giới theo"
BORDER_SOURCE_EITHER = "Nguồn dẫn hoặc tính từ đường biên giới"
BORDER_SOURCE_SOURCED = "Danh sách có nguồn dẫn"
BORDER_SOURCE_COMPUTED = "Tính từ đường biên giới"
SEARCH_COMMUNE = "Tìm xã, phường, thị trấn"
SEARCH_PLACEHOLDER = "Gõ tên xã…"
BASEMAP_OSM = "Nền OpenStreetMap (cần Internet)"
LABEL_SIZE = "Cỡ chữ nhãn lớn (trình chiếu)"
SELECTION_SUMMARY = "Đang chọn {selected}/{total} xã"
NOTHING_SELECTED = "Không có xã nào khớp bộ lọc; bản đồ hiển thị toàn tỉnh."

LEGEND_TITLE_DISTRICT = "Huyện / thành phố"
LEGEND_PROVINCE = "Ranh giới tỉnh"
LEGEND_DISTRICT = "Ranh giới huyện"
LEGEND_BORDER = "Biên giới Việt Nam – Trung Quốc"
LEGEND_BORDER_COMMUNE = "Xã biên giới"
LEGEND_DIMMED = "Ngoài bộ lọc (làm mờ)"

LAYER_COMMUNES = "Xã, phường, thị trấn"
LAYER_DISTRICTS = "Ranh giới huyện"
LAYER_PROVINCE = "Ranh giới tỉnh"
LAYER_BORDER = "Biên giới quốc gia"
LAYER_LABELS = "Tên xã"
LAYER_SELECTION = "Vùng đang chọn"

TOOLTIP_COMMUNE = "Xã"
TOOLTIP_TYPE = "Loại"
TOOLTIP_DISTRICT = "Huyện"
TOOLTIP_CODE = "Mã GSO"
TOOLTIP_BORDER = "Biên giới"
TOOLTIP_NEW_COMMUNE = "Thuộc xã mới (2025)"

BORDER_BOTH = "Có (nguồn dẫn và tính toán)"
BORDER_SOURCED_ONLY = "Có theo nguồn dẫn; tính toán không thấy — cần kiểm tra"
BORDER_COMPUTED_ONLY = "Tính toán thấy giáp biên; chưa có nguồn dẫn — cần kiểm tra"
BORDER_NO = "Không"

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

DATA_SOURCE_LINE = "Nguồn ranh giới: {source}"
DATA_DIR_IN_USE = "Thư mục dữ liệu: {folder}"
DEFAULT_BOUNDARY_SOURCE = "GADM 4.1 (ghép theo danh mục GSO 2021), huyện/tỉnh: gis.chinhphu.vn"
USER_BOUNDARY_SOURCE = "Tệp của tỉnh: {file}"
DATA_PROBLEMS = "Dữ liệu có vấn đề"
