"""What the app says about the boundary and reference files it reads (geo/): missing, broken, off."""

GEOMETRY_LINE = "đường (LineString)"
PART_SUFFIX = " (một phần)"

ERR_NO_DATA_DIR = (
    "Không tìm thấy thư mục dữ liệu ranh giới. "
    "Hãy đặt các tệp dữ liệu (ví dụ langson_communes_2021.geojson) vào thư mục "
    "data/boundaries/ của ứng dụng, hoặc đặt biến môi trường LANGSON_GEODATA_DIR "
    "trỏ tới thư mục chứa chúng."
)
# Messages name the file only, never the folder it is in (the server's paths go to the log).
ERR_FILE_MISSING = "Thiếu tệp dữ liệu: {file}."
ERR_FILE_UNREADABLE = "Không đọc được tệp {file}: tệp hỏng, trống hoặc không phải định dạng {kind}."
ERR_NO_GEOMETRY_COLUMN = "Tệp {file} không có cột hình học: đây không phải tệp bản đồ."
ERR_NO_CRS = (
    "Tệp {file} không khai báo hệ tọa độ (CRS). Với Shapefile hãy gửi kèm tệp .prj; "
    "với GeoJSON hệ tọa độ phải là WGS 84 (EPSG:4326)."
)
ERR_UNKNOWN_CRS = "Tệp {file} có hệ tọa độ không nhận dạng được: {crs}."
ERR_OUTSIDE_PROVINCE = (
    "Tệp {file}: tọa độ nằm ngoài vùng của ranh giới tỉnh sau khi chuyển về WGS 84 "
    "(khung {bounds}). Hệ tọa độ khai báo ({crs}) có thể sai."
)
ERR_OUTSIDE_COUNTRY = (
    "Tệp {file}: tọa độ nằm ngoài lãnh thổ Việt Nam sau khi chuyển về WGS 84 "
    "(khung {bounds}). Hệ tọa độ khai báo ({crs}) có thể sai."
)
ERR_INVALID_GEOMETRY = "Tệp {file}: hình học không hợp lệ ở {count} đối tượng: {items}."
ERR_EMPTY_GEOMETRY = "Tệp {file}: {count} đối tượng không có hình học: {items}."
ERR_NOT_AREAS = (
    "Tệp {file}: ranh giới phải là vùng (Polygon hoặc MultiPolygon), nhưng {count} đối tượng có dạng khác: {items}."
)
# shapely's geometry types, as ERR_NOT_AREAS names them; a collection holding only areas is read as its areas.
GEOMETRY_KINDS = {
    "Point": "điểm", "MultiPoint": "nhiều điểm", "LineString": "đường", "MultiLineString": "nhiều đường",
    "LinearRing": "vòng khép", "GeometryCollection": "tập hợp hình học có điểm hoặc đường",
}
GEOMETRY_KIND_OTHER = "dạng không rõ"
# Why GEOS finds a geometry invalid (the text before "[x y]" of shapely.is_valid_reason), in Vietnamese.
INVALID_REASONS = {
    "Self-intersection": "cạnh tự cắt nhau", "Ring Self-intersection": "vòng tự cắt",
    "Too few points": "quá ít điểm", "Invalid Coordinate": "tọa độ không hợp lệ",
    "Ring is not closed": "vòng không khép kín", "Hole lies outside shell": "lỗ nằm ngoài vùng",
    "Nested holes": "lỗ nằm trong lỗ", "Interior is disconnected": "phần trong bị chia cắt",
    "Nested shells": "vùng nằm trong vùng", "Duplicate Rings": "vòng bị lặp",
}
INVALID_REASON_OTHER = "hình học sai"
INVALID_AT = "{reason} tại {point}"
ERR_MISSING_COLUMN = "Tệp {file}: thiếu cột «{column}»."
ERR_DUPLICATE_CODES = "Tệp {file}, cột «{column}»: mã bị trùng: {items}."
ERR_UNKNOWN_CODES = "Tệp {file}, cột «{column}»: mã không có trong danh mục xã của tỉnh: {items}."
ERR_WRONG_COUNT = "Tệp {file}: có {found} đối tượng, cần đúng {expected}."
ERR_NO_GEOMETRY_TYPE = "Tệp {file}: cần hình học dạng {expected}, nhưng có {found}."
ERR_USER_BOUNDARY_NO_KEY = (
    "Tệp ranh giới {file} không có cột mã xã (một trong: {code_columns}) "
    "cũng không có cột tên xã (một trong: {name_columns})."
)
ERR_USER_BOUNDARY_TOO_MANY = (
    "Thư mục data/boundaries/ có nhiều tệp ranh giới xã: {files}. Hãy để lại nhiều nhất hai tệp: một tệp "
    "200 xã cũ (giai đoạn 2021-2025) và một tệp 65 xã, phường mới (giai đoạn 2026-2030)."
)
ERR_USER_BOUNDARY_SAME_PERIOD = (
    "Thư mục data/boundaries/ có hai tệp ranh giới cùng của giai đoạn {period}: {files}. Hãy chỉ để lại "
    "một tệp cho mỗi giai đoạn (200 xã cũ cho 2021-2025, 65 xã, phường mới cho 2026-2030)."
)
# A province's boundary file that cannot be used: what is wrong with it (one of the messages above), then this.
WARN_USER_BOUNDARY_FALLBACK = "{problem} Bản đồ dùng ranh giới mặc định (công khai) cho đến khi tệp được sửa."
WARN_USER_BOUNDARY_STRAY = (
    "Thư mục data/boundaries/ có tệp không phải tệp ranh giới (GeoJSON, Shapefile, GeoPackage), đã bỏ qua: {files}."
)
WARN_USER_BOUNDARY_UNMATCHED = (
    "Tệp ranh giới {file}: {count} đối tượng không khớp với danh mục xã và không được dùng: {items}."
)
WARN_NO_DATUM = (
    "Tệp ranh giới {file}: tệp .prj không nêu hệ quy chiếu (datum) nên tọa độ được coi là WGS 84. "
    "Nếu số liệu đo theo VN-2000, ranh giới sẽ lệch khoảng 200 m: hãy xuất lại tệp với .prj ghi rõ VN-2000 "
    "(ví dụ EPSG:3405, hoặc múi 3° kinh tuyến trục 107°15′ của tỉnh trên datum VN-2000)."
)
WARN_USER_BOUNDARY_MISSING = (
    "Tệp ranh giới {file} thiếu {count} xã của danh mục; các xã này lấy ranh giới mặc định: {items}."
)
WARN_USER_UNITS_UNMATCHED = (
    "Tệp ranh giới {file}: {count} đối tượng không khớp với danh sách 65 xã, phường mới và không được dùng: "
    "{items}."
)
WARN_USER_UNITS_MISSING = (
    "Tệp ranh giới {file} thiếu {count} xã, phường mới; các đơn vị này được dựng bằng cách gộp ranh giới xã "
    "cũ: {items}."
)
ERR_CROSSWALK_MISSING = "Tệp {file}: thiếu xã mới (2025) cho các mã xã 2021: {items}."
PART_UNKNOWN_LINE_SUFFIX = " (một phần, ranh giới chưa xác định)"
SOURCE_NEW_UNITS = ("65 xã, phường từ 01/7/2025 (Nghị quyết 1672/NQ-UBTVQH15) dựng bằng cách gộp ranh giới xã "
                    "cũ; {boundaries}")
SOURCE_NEW_UNITS_USER = ("65 xã, phường từ 01/7/2025 (Nghị quyết 1672/NQ-UBTVQH15) theo tệp của tỉnh {file}; "
                         "ranh giới tỉnh: gis.chinhphu.vn")
SOURCE_NEW_UNITS_USER_PARTIAL = ("65 xã, phường từ 01/7/2025 (Nghị quyết 1672/NQ-UBTVQH15) theo tệp của tỉnh {file} "
                                 "({count} xã, phường), các xã, phường còn lại dựng bằng cách gộp ranh giới xã cũ; "
                                 "{boundaries}")
ERR_NEW_UNITS = "Tệp {file} không dựng được bản đồ 65 xã, phường mới: {problems}"
ERR_NEW_UNITS_COUNT = "có {count} đơn vị mới (mỗi đơn vị một mã, một tên), cần {expected}."
ERR_NEW_UNITS_TYPES = "có {found}, cần {expected}."
ERR_CROSSWALK_UNKNOWN = "các mã xã 2021 không có trong danh sách 200 xã: {items}."
ERR_CROSSWALK_LONE_PART = "các xã cũ ghi «một phần» nhưng chỉ chuyển vào một đơn vị mới: {items}."
ERR_CROSSWALK_WHOLE_OR_PART = "cột whole_or_part chỉ nhận «whole» hoặc «part», gặp: {items}."
ERR_NEW_UNIT_NO_WHOLE = "các đơn vị mới không nhận trọn xã cũ nào (không vẽ được): {items}."
ERR_NEW_UNITS_AREA = ("Tệp {file}: diện tích 65 xã, phường mới dựng từ các xã cũ lệch {change} so với tổng "
                      "diện tích 200 xã cũ (cho phép 0,1 %).")
ROW_LABEL = "dòng {row}"
SOURCE_BOUNDARIES = "ranh giới xã {communes}; huyện, tỉnh: gis.chinhphu.vn"
CLASS_BELOW = "Dưới {value} (chưa đạt mục tiêu {years})"
CLASS_AT_LEAST = "Từ {value} (đạt mục tiêu {years})"
CLASS_AT_MOST = "Không quá {value} (đạt mục tiêu {years})"
CLASS_ABOVE = "Trên {value} (chưa đạt mục tiêu {years})"
GAP_RANGE = "Thiếu {low} – {high}"  # the dash spaced as every other class range
GAP_OVER = "Thiếu trên {value}"
CLASS_NO = "Chưa đạt"
CLASS_YES = "Đạt"
DEFAULT_BOUNDARY_SOURCE = "GADM 4.1 ghép theo danh mục GSO 01/11/2021"
USER_BOUNDARY_SOURCE = "theo tệp của tỉnh {file}"
USER_BOUNDARY_SOURCE_PARTIAL = ("theo tệp của tỉnh {file} ({count} xã), các xã còn lại GADM 4.1 ghép theo danh mục "
                                "GSO 01/11/2021")
# The demo command's report, one line per programme period (geo/demo.py).
DEMO_PERIOD_SUMMARY = "- Giai đoạn {period}: {summary}"
# The backup command (geo/backups.py), for the server's administrator in a terminal.
BACKUP_CLI = "Sao lưu và khôi phục cơ sở dữ liệu nhập liệu."
BACKUP_CLI_RESTORE = ("Khôi phục cơ sở dữ liệu bị hỏng từ bản sao lưu tốt gần nhất (hãy dừng ứng dụng trước khi "
                      "chạy).")
BACKUP_CLI_DATA_DIR = "Thư mục dữ liệu (mặc định: biến môi trường LANGSON_DATA_DIR, nếu không có thì var/)."
BACKUP_CLI_FORCE = "Khôi phục cả khi cơ sở dữ liệu đang dùng không bị hỏng (mất các thay đổi sau bản sao lưu)."
BACKUP_RESTORED = ("Đã khôi phục cơ sở dữ liệu nhập liệu {database} từ bản sao lưu {file}, lưu lúc {time}. "
                   "Các thay đổi sau thời điểm đó không còn; hãy nhập lại nếu cần.")
BACKUP_MOVED_ASIDE = "Tệp hỏng không bị xóa, đã được đổi tên thành: {files}."
BACKUP_SKIPPED = "Bỏ qua bản sao lưu {file} (lưu lúc {time}): bản sao này cũng bị hỏng."
BACKUP_LIVE_IS_GOOD = ("Cơ sở dữ liệu đang dùng không bị hỏng nên không khôi phục. Nếu vẫn muốn quay về bản sao lưu "
                       "gần nhất, chạy lại lệnh với --force.")
BACKUP_NONE_GOOD = ("Không có bản sao lưu nào dùng được trong thư mục backups của thư mục dữ liệu; cơ sở dữ liệu "
                    "chưa bị thay đổi.")
BACKUP_RESTORE_FAILED = ("Không khôi phục được: không ghi được vào thư mục dữ liệu {folder} (đĩa đầy hoặc không có "
                         "quyền ghi). Cơ sở dữ liệu và các bản sao lưu chưa bị xóa; hãy kiểm tra rồi chạy lại lệnh.")
# Editor accounts (geo/editors.py): the command the server's administrator runs, and what a damaged file says.
EDITORS_CLI = ("Tài khoản biên tập viên: người được nhập dữ liệu, quay lại phiên bản cũ và tạo dữ liệu minh họa. "
               "Xem bản đồ không cần tài khoản.")
EDITORS_CLI_SET = "Tạo tài khoản, hoặc đặt lại mật khẩu (và họ tên) của tài khoản đã có."
EDITORS_CLI_NAME = "Họ và tên hiển thị trên trang và trong lịch sử nhập liệu."
EDITORS_CLI_STDIN = "Đọc mật khẩu từ một dòng của đầu vào chuẩn (dùng trong kịch bản cài đặt)."
EDITORS_CLI_REMOVE = "Xóa một tài khoản (các thay đổi người đó đã làm vẫn ghi tên trong lịch sử)."
EDITORS_CLI_LIST = "Liệt kê các tài khoản."
EDITORS_CLI_PASSWORD = "Mật khẩu: "
EDITORS_CLI_PASSWORD_AGAIN = "Nhập lại mật khẩu: "
EDITORS_CLI_MISMATCH = "Hai lần nhập mật khẩu không giống nhau; tài khoản chưa thay đổi."
EDITORS_CLI_CREATED = "Đã tạo tài khoản biên tập viên {editor} trong {file}."
EDITORS_CLI_RESET = "Đã đặt lại mật khẩu cho tài khoản biên tập viên {editor} trong {file}."
EDITORS_CLI_REMOVED = "Đã xóa tài khoản {username}."
EDITORS_CLI_NO_SUCH = "Không có tài khoản {username}."
EDITORS_CLI_NONE = "Chưa có tài khoản biên tập viên nào ({file})."
EDITORS_CLI_WRITE_FAILED = "Không ghi được tệp tài khoản {file}: {reason}. Tài khoản chưa thay đổi."
EDITORS_BAD_USERNAME = ("Tên đăng nhập «{username}» không dùng được: 2–32 ký tự gồm chữ cái không dấu, chữ số, dấu "
                        "chấm, gạch ngang hoặc gạch dưới, bắt đầu bằng chữ cái hoặc chữ số.")
EDITORS_BAD_PASSWORD = "Mật khẩu phải dài từ {minimum} đến {maximum} ký tự."
EDITORS_BAD_NAME = "Họ và tên dài tối đa {maximum} ký tự và không chứa ký tự điều khiển."
EDITORS_UNREADABLE = ("Không đọc được tệp tài khoản biên tập viên {file} (không có quyền đọc, hoặc đó không phải "
                      "là tệp); chưa ai đăng nhập được. Quản trị viên máy chủ hãy kiểm tra thư mục dữ liệu.")
EDITORS_DISK_FULL = "đĩa đầy"
EDITORS_NOT_WRITABLE = "thư mục dữ liệu chỉ đọc hoặc người dùng này không có quyền ghi"
EDITORS_DAMAGED = ("Tệp tài khoản biên tập viên {file} bị hỏng; chưa ai đăng nhập được. Quản trị viên máy chủ hãy "
                   "tạo lại tài khoản bằng lệnh python -m geo.editors set.")
EDITORS_COMMAND_LINE = "Lệnh trên máy chủ"
