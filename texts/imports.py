"""The import page and the importers: templates, checks and their located problems, changes, history."""

from geo import vocabulary as _vocabulary

_P2021, _P2026 = _vocabulary.PERIOD_2021.key, _vocabulary.PERIOD_2026.key

IMPORT_TITLE = "Nhập dữ liệu của tỉnh"
IMPORT_INTRO = ("Nhập danh sách khu vực I, II, III, danh sách thôn đặc biệt khó khăn và số liệu chỉ tiêu của "
                "giai đoạn chọn dưới đây từ tệp Excel (.xlsx, .xls), LibreOffice (.ods) hoặc CSV, đúng như các sở "
                "đang lưu (bảng phụ lục quyết định, mỗi huyện một trang tính…). Tệp được kiểm tra trước; chỉ khi "
                "không có lỗi và bạn bấm xác nhận thì dữ liệu mới được lưu. Mỗi lần nhập là một phiên bản, có thể "
                "quay lại.")
IMPORT_TEMPLATES = "1. Tải mẫu nhập liệu (đã điền sẵn {units})"
IMPORT_UPLOAD = "2. Tải tệp lên và kiểm tra"
IMPORT_KIND = "Loại dữ liệu"
IMPORT_FILE = "Tệp Excel (.xlsx, .xls), LibreOffice (.ods) hoặc .csv"
IMPORT_FILE_HELP = ("Bảng gọn (mỗi dòng một xã/thôn), bảng phụ lục như trong quyết định (dòng «Huyện …», «Xã …» "
                    "làm tiêu đề nhóm), hoặc mỗi huyện một trang tính.")
IMPORT_FILE_LIMIT = "Tối đa {limit} MB mỗi tệp."
IMPORT_READ = "Đã đọc tệp «{file}»: {rows} dòng hợp lệ, {errors} lỗi, {notes} lưu ý."
IMPORT_TOTALS = "So với số chính thức"
IMPORT_PROBLEMS = "Kết quả kiểm tra (lỗi trước, lưu ý sau)"
IMPORT_PREVIEW = "Xem trước dữ liệu sẽ lưu ({rows} dòng đầu)"
IMPORT_CONFIRM = "Xác nhận nhập"
IMPORT_DONE = "Đã lưu «{file}» thành phiên bản {version} của «{dataset}». Bản đồ dùng dữ liệu này ngay."
IMPORT_BLOCKED = ("Tệp «{file}» có {errors} lỗi nên CHƯA được nhập; dữ liệu đã lưu không thay đổi. "
                  "Hãy sửa các dòng được nêu ở bảng trên rồi tải lại.")
IMPORT_HISTORY = "3. Lịch sử nhập và quay lại phiên bản cũ"
IMPORT_NO_HISTORY = "Chưa có lần nhập nào."
ROLLBACK_HELP = "Chọn một phiên bản để dùng lại nó (các phiên bản khác vẫn được giữ)."
ROLLBACK_VERSION = "Phiên bản"
DEMO_SECTION = "4. Dữ liệu minh họa"
DEMO_HELP = ("Tạo bộ dữ liệu minh họa cho cả hai giai đoạn (2021-2025: khu vực ngẫu nhiên theo đúng tổng 88/8/103, "
             "644 thôn; 2026-2030: khu vực cho 65 xã, phường, 385 thôn, 16 đơn vị không có thôn ĐBKK; thôn tên "
             "«Thôn minh họa», số liệu quanh mức năm 2020) để trình diễn khi chưa có tệp của tỉnh. Dữ liệu này lưu "
             "riêng, luôn được ghi «Dữ liệu minh họa» và không bao giờ trộn với dữ liệu đã nhập.")
DEMO_BUTTON = "Tạo dữ liệu minh họa"
DEMO_CREATED = "Đã tạo dữ liệu minh họa. Chọn «Dữ liệu minh họa» ở trang Bản đồ để xem."
# Where a problem is: "Tệp x.xlsx, trang tính «Khu vực», dòng 12, cột C «Khu vực»: ..."
IMP_LOC_FILE = "Tệp {file}"
IMP_LOC_SHEET = "trang tính «{sheet}»"
IMP_LOC_ROW = "dòng {row}"
IMP_LOC_COLUMN = "cột {letter} «{column}»"
IMP_LOC_COLUMN_LETTER = "cột {letter}"
IMP_SEVERITY_ERROR = "Lỗi"
IMP_SEVERITY_NOTE = "Lưu ý"
# Reading the file
IMP_EMPTY_FILE = "tệp rỗng, không có dữ liệu."
IMP_NOT_SPREADSHEET = "không phải bảng tính (cần tệp .xlsx, .xls, .ods hoặc .csv){detail}."
IMP_NOT_SPREADSHEET_KIND = " — tệp này là {kind}"
IMP_UNREADABLE_TEXT = (
    "không nhận ra bảng mã ký tự (đã thử UTF-8, UTF-16, Windows-1258). "
    "Hãy lưu lại dạng «CSV UTF-8»."
)
IMP_CSV_BROKEN = (
    "tệp CSV sai định dạng từ dòng {line} (thường do một dấu ngoặc kép \" không được đóng). "
    "Hãy mở bằng Excel và lưu lại dạng «CSV UTF-8 (Comma delimited)»."
)
IMP_TOO_BIG = "tệp quá lớn ({size} MB); giới hạn là {limit} MB."
IMP_NO_HEADER = (
    "không tìm thấy dòng tiêu đề có đủ cột cần thiết. Cần: {needed}. "
    "Các cột tìm thấy trong tệp: {found}. Đã xem các trang tính: {sheets}."
)
IMP_NO_ROWS = "không có dòng dữ liệu nào dưới dòng tiêu đề."
# A file whose rows name units but whose value columns are empty (an untouched template).
IMP_CATEGORIES_NOT_FILLED = (
    "tệp có {rows} dòng ghi {places} nhưng {columns} chưa điền khu vực nào. Hãy điền khu vực I, II hoặc III "
    "cho từng {places} rồi tải tệp lên lại."
)
IMP_VALUES_NOT_FILLED = (
    "tệp có {rows} dòng ghi {places} nhưng {columns} chưa điền giá trị nào. Hãy điền số liệu chỉ tiêu "
    "cho từng {places} rồi tải tệp lên lại."
)
IMP_NOT_FILLED_COLUMN = "cột {column}"
IMP_NOT_FILLED_COLUMNS = "cả {count} cột {columns}"
IMP_COLUMN_RANGE = "từ {first} đến {last}"
IMP_CSV_SHEET = "CSV"
# One row
IMP_NO_COMMUNE = "dòng này không ghi xã (tên xã hoặc mã xã)."
IMP_UNKNOWN_COMMUNE = "không tìm thấy xã «{name}» trong {units}."
IMP_UNKNOWN_COMMUNE_IN_DISTRICT = "không tìm thấy xã «{name}» thuộc «{district}» trong {units}."
IMP_AMBIGUOUS_COMMUNE = "tên xã «{name}» có ở {count} nơi ({districts}); {hint}"
IMP_AMBIGUOUS_HINT_DISTRICT = "hãy ghi tên huyện (cột «Huyện» hoặc dòng tiêu đề «Huyện …» phía trên) hoặc mã xã."
IMP_AMBIGUOUS_HINT_PREFIX = "hãy ghi đủ tiền tố {prefixes} trước tên, hoặc ghi mã xã."
IMP_AMBIGUOUS_HINT_CODE = "hãy ghi mã xã."
IMP_UNKNOWN_CODE = "mã xã «{code}» không có trong {units}."
IMP_CODE_NAME_MISMATCH = "mã xã {code} là {official}, nhưng tên ghi trong tệp là «{name}»."
IMP_DUPLICATE = "trùng với {first}: {what}."
IMP_EARLIER_ROW = "dòng {row}"
IMP_EARLIER_ROW_SHEET = "dòng {row} của trang tính «{sheet}»"
IMP_BAD_CATEGORY = (
    "khu vực «{value}» không hợp lệ; chỉ nhận I, II hoặc III "
    "(cũng hiểu «KV III», «Khu vực III», «3»)."
)
IMP_MANY_CATEGORY_MARKS = "đánh dấu nhiều hơn một khu vực ({marks})."
IMP_CATEGORY_OUTSIDE = (
    "{commune} không thuộc vùng đồng bào DTTS và miền núi giai đoạn 2021-2025 "
    "nên không có khu vực; hãy để trống."
)
IMP_VILLAGE_OUTSIDE = (
    "thôn «{village}» ghi thuộc {commune}; xã này không thuộc vùng đồng bào DTTS "
    "và miền núi giai đoạn 2021-2025 nên không có thôn đặc biệt khó khăn."
)
IMP_NO_VILLAGE_NAME = "thiếu tên thôn."
IMP_VILLAGE_BEFORE_COMMUNE = "thôn «{village}» đứng trước mọi dòng tên xã nên không biết thuộc xã nào."
IMP_BAD_NUMBER = "«{value}» không phải là số."
IMP_OUT_OF_RANGE = "giá trị {value} ngoài khoảng cho phép ({low} đến {high} {unit})."
IMP_NOT_WHOLE = "giá trị {value} phải là số nguyên ({unit})."
IMP_BAD_YES_NO = "«{value}» không hợp lệ; chỉ nhận 1 hoặc 0 (Có/Không, Đạt/Chưa đạt, x)."
IMP_COORD_OUTSIDE = "tọa độ {value} nằm ngoài vùng của ranh giới tỉnh (cho phép {low} đến {high})."
IMP_COORD_HALF = "chỉ có một trong hai tọa độ (kinh độ, vĩ độ); cần cả hai hoặc để trống cả hai."
IMP_BAD_YEAR = "năm «{value}» không hợp lệ (cần một năm từ 2015 đến 2035)."
IMP_UNKNOWN_INDICATOR = "chỉ tiêu «{value}» không có trong danh mục chỉ tiêu."
IMP_INDICATOR_WRONG_LEVEL = "chỉ tiêu «{label}» không thu thập ở cấp {level} (chỉ ở cấp: {levels})."
IMP_IGNORED_COLUMN = ("không nhận ra cột này là chỉ tiêu nào nên chưa nhập; nếu đây là một chỉ tiêu, hãy chọn "
                      "chỉ tiêu cho cột ở bước «Ghép cột với chỉ tiêu» bên dưới.")
IMP_FRACTION_SCALE = "mọi giá trị đều từ 0 đến 1 nên được hiểu là tỷ lệ (0,86 = 86%)."
IMP_MIXED_SCALE = (
    "có cả giá trị dạng 0–1 và dạng 0–100 (dòng {rows}); giá trị từ 0 đến 1 được hiểu là phần trăm "
    "(0,86 = 0,86%). Hãy kiểm tra."
)
IMP_NO_VALUES = "không có giá trị chỉ tiêu nào."
LEVEL_NAMES = {"village": "thôn", "commune": "xã", "province": "tỉnh"}
# Comparison with the official totals (notes, not errors)
TOT_CATEGORY = "Khu vực {category}: tệp có {found} xã; Quyết định 861/QĐ-TTg: {official} xã ({diff})."
TOT_MISSING_COMMUNES = "{count} xã thuộc vùng chưa có khu vực trong tệp: {items}."
TOT_VILLAGES = "Tổng số thôn đặc biệt khó khăn: tệp có {found}; Quyết định 612/QĐ-UBDT: {official} ({diff})."
TOT_VILLAGES_CATEGORY = (
    "Thôn thuộc xã khu vực {category}: tệp có {found}; chính thức {official} ({diff}). "
    "Theo xã: {items}."
)
TOT_VILLAGES_NO_CATEGORIES = (
    "Chưa có danh sách khu vực của các xã nên chưa so được số thôn theo khu vực (84 / 24 / 536)."
)
TOT_VILLAGES_UNCATEGORISED = "{count} thôn thuộc xã chưa có khu vực trong danh sách khu vực: {items}."
TOT_DIFF_SAME = "khớp"
TOT_DIFF_MORE = "thừa {n}"
TOT_DIFF_LESS = "thiếu {n}"
TOT_ITEM_CATEGORY = "{units} khu vực {category}"
TOT_ITEM_VILLAGES = "Thôn ĐBKK (tổng)"
TOT_ITEM_VILLAGES_CATEGORY = "Thôn ĐBKK thuộc xã khu vực {category}"
STORE_REFUSED = (
    "Không lưu tệp {file}: còn {count} lỗi. Hãy sửa tệp rồi nhập lại; dữ liệu đã lưu không thay đổi."
)
STORE_EMPTY = "Không lưu tệp {file}: không có dòng dữ liệu hợp lệ nào."
STORE_UNKNOWN_VERSION = "Không có phiên bản {version} của «{dataset}» ({source}, giai đoạn {period})."
# Templates
TPL_SHEET_CATEGORIES = "Khu vực"
TPL_SHEET_VILLAGES = "Thôn"
TPL_SHEET_COMMUNE_LIST = "Danh mục xã"
TPL_SHEET_COMMUNE_INDICATORS = "Chỉ tiêu xã"
TPL_SHEET_VILLAGE_INDICATORS = "Chỉ tiêu thôn"
TPL_SHEET_INDICATOR_LIST = "Danh mục chỉ tiêu"
TPL_SHEET_HELP = "Hướng dẫn"
TPL_COL_CODE = "Mã xã (GSO)"
TPL_COL_DISTRICT = "Huyện / thành phố"
TPL_COL_COMMUNE = "Xã / phường / thị trấn"
TPL_COL_CATEGORY = "Khu vực (I, II, III)"
TPL_COL_VILLAGE = "Tên thôn"
TPL_COL_LON = "Kinh độ"
TPL_COL_LAT = "Vĩ độ"
TPL_COL_IN_AREA = "Thuộc vùng ĐBDTTS&MN 2021-2025"
TPL_COL_NOTE = "Ghi chú"
TPL_COL_INDICATOR_ID = "Mã chỉ tiêu"
TPL_COL_INDICATOR_LABEL = "Tên chỉ tiêu"
TPL_COL_UNIT = "Đơn vị"
TPL_COL_LEVEL = "Cấp"
TPL_COL_TARGET_2025 = "Mục tiêu 2025"
TPL_COL_TARGET_2030 = "Mục tiêu 2030"
TPL_COL_TARGET_NOTE = "Ghi chú mục tiêu"
TPL_OUTSIDE_NOTE = "Ngoài vùng ĐBDTTS&MN 2021-2025: để trống khu vực, không có thôn ĐBKK"
TPL_HELP_COMMON = [
    "Không đổi tên, không xóa các cột tiêu đề. Mã xã giữ nguyên dạng 5 chữ số (ví dụ 05971).",
    "Tên xã phải đúng danh mục 200 xã năm 2021; nếu ghi tên, ghi kèm huyện vì nhiều xã trùng tên.",
    "Tỷ lệ phần trăm ghi 86 hoặc 86% hoặc 0,86 đều được; chỉ tiêu Có/Không ghi 1 hoặc 0.",
    "Ứng dụng kiểm tra toàn bộ tệp trước khi lưu: tệp còn lỗi sẽ không được lưu phần nào.",
]
TPL_HELP_CATEGORIES = "Điền cột «Khu vực» bằng I, II hoặc III theo Quyết định 861/QĐ-TTg (88 / 8 / 103 xã)."
TPL_HELP_VILLAGES = (
    "Mỗi thôn đặc biệt khó khăn (Quyết định 612/QĐ-UBDT, 644 thôn) một dòng ở trang «Thôn»: "
    "mã xã (hoặc huyện và xã) và tên thôn; tọa độ không bắt buộc. Tra mã xã ở trang «Danh mục xã»."
)
TPL_HELP_INDICATORS = "Điền giá trị chỉ tiêu; ô để trống nghĩa là chưa có số liệu. Đơn vị ghi trong tiêu đề cột."
# Demonstration data
DEMO_VILLAGE_NAME = "Thôn minh họa {n}"
# No number in it: a planner reads a seed such as 2021 as a period.
DEMO_FILE_NAME = "Dữ liệu minh họa (tạo tự động)"
DEMO_CATEGORY_NOTE = (
    "Khu vực minh họa: 2021-2025 chia ngẫu nhiên cho đúng tổng 88/8/103, 2026-2030 suy từ đó cho 65 xã, phường — "
    "không phải phân loại của Quyết định 861/QĐ-TTg hay của tỉnh."
)
DEMO_DONE = "Đã lưu «{label}» vào {path}: {summary}."
DEMO_SUMMARY_ITEM = "{dataset}: {rows} dòng (phiên bản {version})"
TPL_HELP_VILLAGE_INDICATORS = (
    "Mỗi thôn một dòng: mã xã (hoặc huyện và xã), tên thôn và giá trị các chỉ tiêu. "
    "Tra mã xã ở trang «Danh mục xã»."
)
# A file that cannot be opened, per cause
IMP_ZIP_BROKEN = (
    "tệp bị hỏng, không giải nén được (có thể chưa tải lên hết hoặc bị lỗi khi sao chép). "
    "Hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi tải lên lần nữa."
)
IMP_XLSX_BROKEN = (
    "tệp Excel bị hỏng: không đọc được {part}. Hãy mở tệp bằng Excel, lưu lại dạng «Excel Workbook (.xlsx)» "
    "rồi tải lên lần nữa."
)
IMP_PART_BOOK = "danh sách trang tính"
IMP_PART_STRINGS = "bảng chữ dùng chung của tệp"
IMP_PART_STYLES = "bảng định dạng ô"
IMP_PART_SHEET = "trang tính «{sheet}»"
IMP_XLS_BROKEN = (
    "tệp Excel 97-2003 (.xls) bị hỏng, không đọc được. Hãy mở tệp bằng Excel, lưu lại dạng "
    "«Excel Workbook (.xlsx)» rồi tải lên lần nữa."
)
IMP_ODS_BROKEN = (
    "tệp LibreOffice (.ods) bị hỏng, không đọc được. Hãy mở tệp bằng LibreOffice Calc, lưu lại "
    "rồi tải lên lần nữa."
)
IMP_XLSB = (
    "đây là tệp Excel dạng nhị phân (.xlsb), chưa đọc được. Hãy mở bằng Excel và lưu lại dạng "
    "«Excel Workbook (.xlsx)»."
)
IMP_ENCRYPTED = (
    "tệp được đặt mật khẩu nên không đọc được. Hãy mở tệp, bỏ mật khẩu (trong Excel: Tệp → Thông tin → "
    "Bảo vệ Sổ làm việc → Mã hóa bằng Mật khẩu, xóa mật khẩu rồi bấm OK), lưu lại và tải lên lần nữa."
)
IMP_UNPACKED_TOO_BIG = (
    "tệp khai báo rằng khi giải nén sẽ chiếm {size} MB, vượt giới hạn {limit} MB (một bảng tính thật "
    "dưới {upload} MB chỉ chiếm vài chục MB khi giải nén). Tệp bị hỏng hoặc không phải bảng tính thật."
)
IMP_NOT_SPREADSHEET_BINARY = " — tệp chứa dữ liệu nhị phân, không phải chữ"
IMP_FILE_KINDS = {
    "docx": "văn bản Word (.docx)",
    "pptx": "bản trình chiếu PowerPoint (.pptx)",
    "odf": "tài liệu OpenDocument không phải bảng tính (.odt, .odp...)",
    "zip": "tệp nén ZIP",
    "ole": "tài liệu Office 97-2003 không phải bảng tính (ví dụ Word .doc)",
}
# Limits passed (numbers the Vietnamese way: 200.000)
IMP_LIMIT_ROWS = (
    "trang tính «{sheet}», dòng {row}: tệp có hơn {limit} dòng có dữ liệu, vượt giới hạn đọc được. "
    "Hãy xóa các dòng thừa hoặc chia thành nhiều tệp."
)
IMP_LIMIT_COLUMNS = (
    "trang tính «{sheet}», ô {cell}: có dữ liệu ở cột thứ {column}, vượt giới hạn {limit} cột. Thường đó là "
    "nội dung gõ nhầm ở xa bảng; hãy xóa ô đó (hoặc xóa các cột thừa) rồi tải lên lại."
)
IMP_LIMIT_CELLS = (
    "trang tính «{sheet}», ô {cell}: tệp có hơn {limit} ô có dữ liệu (tính cả ô gộp), vượt giới hạn "
    "đọc được. Hãy chia thành nhiều tệp."
)
IMP_LIMIT_ROW_NUMBER = (
    "trang tính «{sheet}»: có dữ liệu ở dòng {row}, quá dòng cuối cùng một bảng tính có thể có ({limit}); "
    "tệp bị hỏng."
)
IMP_LIMIT_MERGED = (
    "trang tính «{sheet}» có hơn {limit} vùng gộp ô, vượt giới hạn đọc được. Hãy bỏ gộp những ô "
    "không cần thiết rồi tải lên lại."
)
IMP_LIMIT_STRINGS = (
    "tệp có hơn {limit} đoạn chữ khác nhau, nhiều hơn số ô có dữ liệu đọc được ({limit} ô). "
    "Hãy chia thành nhiều tệp."
)
# Text encodings
IMP_WESTERN_ENCODING = (
    "tệp CSV được lưu bằng bảng mã Tây Âu (Windows-1252) nên các chữ tiếng Việt có dấu đã bị mất "
    "(ví dụ «{sample}»). Hãy mở tệp gốc bằng Excel, chọn Lưu thành (Save As), chọn kiểu "
    "«CSV UTF-8 (Comma delimited)» (hoặc «Excel Workbook (.xlsx)») rồi tải tệp mới lên."
)
ROLLBACK_DATASET = "Loại dữ liệu"
ROLLBACK_DATASET_OPTION = "{dataset} — {source} — giai đoạn {period}"
ROLLBACK_IN_USE = "Đang dùng: phiên bản {version} (tệp «{file}», {rows} dòng)."
ROLLBACK_IN_USE_NONE = "Đang dùng: chưa có dữ liệu."
ROLLBACK_NO_DATA_OPTION = "Không dùng dữ liệu nào (bỏ phiên bản đang dùng)"
ROLLBACK_ASK = "Đổi sang lựa chọn này…"
ROLLBACK_ALREADY = "Phiên bản {version} đang được dùng; không có gì thay đổi."
ROLLBACK_NOTHING_TO_CLEAR = "«{dataset}» — {source} hiện chưa có dữ liệu; không có gì để bỏ."
ROLLBACK_QUESTION = ("Dùng lại phiên bản {version} (tệp «{file}», {rows} dòng) thay cho phiên bản {current} "
                     "(tệp «{current_file}», {current_rows} dòng) của «{dataset}» — {source}?")
ROLLBACK_QUESTION_FROM_NO_DATA = ("Dùng lại phiên bản {version} (tệp «{file}», {rows} dòng) cho «{dataset}» — "
                                  "{source}, hiện đang chưa có dữ liệu?")
CLEAR_QUESTION = ("Bỏ phiên bản {current} (tệp «{current_file}», {current_rows} dòng) của «{dataset}» — {source} "
                  "để loại dữ liệu này về «chưa có dữ liệu»? Các phiên bản vẫn được giữ và có thể dùng lại sau.")
ROLLBACK_CONFIRM = "Xác nhận thay đổi"
ROLLBACK_CANCEL = "Hủy"
ROLLBACK_DONE_NAMED = "Đã dùng lại phiên bản {version} cho «{dataset}» — {source}."
CLEAR_DONE = "«{dataset}» — {source} đã về «chưa có dữ liệu» (bỏ phiên bản {version})."
ROLLBACK_STALE = ("«{dataset}» — {source} đã thay đổi từ lúc bạn chọn (có thể ở một cửa sổ khác) nên chưa đổi gì. "
                  "Hãy xem lại lịch sử rồi chọn lại.")
SAVE_UNCHANGED = ("Tệp «{file}» giống hệt phiên bản {version} đang dùng của «{dataset}»: không tạo phiên bản mới, "
                  "dữ liệu đang dùng không thay đổi.")
SAVE_REUSED = ("Tệp «{file}» giống hệt phiên bản {version} đã lưu của «{dataset}»: đã dùng lại phiên bản đó "
               "(không lưu bản sao). Bản đồ dùng dữ liệu này ngay.")
STORE_NOTHING_IN_USE = "«{dataset}» ({source}, giai đoạn {period}) hiện chưa có dữ liệu nào đang dùng."
# The import database cannot be used (geo.errors.StoreError.reason): what is wrong and what to do, never a
# server path. Boundaries need no database, so the administrative map still shows.
STORE_FAULT = {
    "corrupted": ("Không đọc được cơ sở dữ liệu nhập liệu: tệp bị hỏng. Bản đồ hành chính vẫn hiển thị nhưng "
                  "chưa có dữ liệu chương trình. Hãy báo người quản trị máy chủ khôi phục cơ sở dữ liệu từ bản "
                  "sao lưu tốt gần nhất: dừng ứng dụng, rồi trong thư mục của ứng dụng chạy lệnh "
                  "«python -m geo.backups restore» bằng Python của ứng dụng (chỉ mất lần ghi cuối cùng)."),
    "read_only": ("Không ghi được cơ sở dữ liệu nhập liệu: tệp hoặc thư mục dữ liệu chỉ đọc. Dữ liệu đã lưu "
                  "không thay đổi. Hãy báo người quản trị máy chủ kiểm tra quyền ghi thư mục dữ liệu của ứng dụng "
                  "(biến môi trường LANGSON_DATA_DIR)."),
    "full": ("Không ghi được cơ sở dữ liệu nhập liệu: đĩa đầy. Dữ liệu đã lưu không thay đổi. Hãy báo người "
             "quản trị máy chủ giải phóng dung lượng đĩa rồi thử lại."),
    "locked": ("Cơ sở dữ liệu nhập liệu đang bị khóa (một thao tác khác đang ghi), thử lại sau ít phút. Dữ liệu "
               "đã lưu không thay đổi."),
    "unavailable": ("Không mở được cơ sở dữ liệu nhập liệu. Dữ liệu đã lưu không thay đổi. Hãy báo người quản "
                    "trị máy chủ kiểm tra thư mục dữ liệu của ứng dụng (biến môi trường LANGSON_DATA_DIR)."),
}
# What the data in use is, by dataset kind ("{n}" is already a Vietnamese number).
CHG_WHAT = {
    "categories": "khu vực của {n} {units}",
    "villages": "{n} thôn",
    "indicators_commune": "{n} giá trị",
    "indicators_village": "{n} giá trị",
}
# What is counted, by dataset kind; a list of categories counts the period's units (texts.UNIT_NOUN).
CHG_UNITS = {"villages": "thôn", "indicators_commune": "giá trị", "indicators_village": "giá trị"}
CHG_FIRST = "Chưa có dữ liệu: nhập mới {what}."
CHG_IDENTICAL = "Không có gì thay đổi: tệp trùng khớp với dữ liệu đang dùng ({what})."
CHG_HEADLINES = {
    "categories": "Thay khu vực của {before} {units} bằng {after} {units}: đổi khu vực {changed} {units}, "
                  "thêm {added}, bớt {removed}.",
    "villages": "Thay {before} thôn đang dùng bằng {after} thôn: bớt {removed}, thêm {added}, "
                "giữ nguyên {unchanged}.",
    "indicators_commune": "Thay {before} giá trị bằng {after}: đổi {changed}, thêm {added}, bớt {removed}, "
                          "giữ nguyên {unchanged}.",
    "indicators_village": "Thay {before} giá trị bằng {after}: đổi {changed}, thêm {added}, bớt {removed}, "
                          "giữ nguyên {unchanged}.",
}
CHG_VILLAGES_MOVED = "Đổi tọa độ {count} thôn."
CHG_RESPELLED = "Có {count} thôn đổi cách viết tên."
CHG_RESPELLED_ITEM = "{old} → {new}"
CHG_VALUE_ARROW = "{old} → {new}"
CHG_MORE_ROWS = "Bảng chỉ hiện {shown} dòng đầu; còn {more} dòng nữa không hiện."
CHG_COLUMNS = {
    "district": "Huyện",
    "commune": "Xã",
    "village": "Thôn",
    "villages_before": "Số thôn trước",
    "villages_after": "Số thôn sau",
    "category_before": "Khu vực trước",
    "category_after": "Khu vực sau",
    "added": "Thêm",
    "removed": "Bớt",
    "respelled": "Đổi cách viết",
    "moved": "Đổi tọa độ",
    "indicator": "Chỉ tiêu",
    "year": "Năm",
    "values": "Giá trị cũ → mới",
    "change": "Thay đổi",
}
CHG_CATEGORY_CHANGE = {"both": "Đổi khu vực", "new": "Thêm", "old": "Bớt"}
CHG_VALUE_CHANGE = {"both": "Đổi giá trị", "new": "Thêm", "old": "Bớt"}
# Warnings that need a second, explicit confirmation before the import is stored.
CHG_WARN_SHRINK = "Danh sách mới chỉ còn {after} {unit}, ít hơn một nửa {before} {unit} đang dùng."
CHG_WARN_VILLAGE_TOTAL = (
    "Tệp có {found} thôn, Quyết định 612/QĐ-UBDT có {official} thôn: chênh lệch hơn {percent}%."
)
CHG_WARN_AREA_COMMUNES = (
    "Tệp chỉ có khu vực của {found} xã, chưa đến {percent}% trong {official} xã thuộc vùng "
    "đồng bào dân tộc thiểu số và miền núi."
)
CHG_WARN_CATEGORY_TOTAL = (
    "Khu vực {category}: tệp có {found} xã, Quyết định 861/QĐ-TTg có {official} xã: chênh lệch hơn {percent}%."
)
IMPORT_ROWS_READ = "Đã đọc {rows} dòng…"
IMP_COMMUNE_OTHER_DISTRICT = ("xã «{name}» không thuộc «{district}» (theo cột Huyện hoặc dòng tiêu đề huyện phía "
                              "trên); trong danh mục có: {places}. Hãy kiểm tra lại huyện của dòng này.")
IMPORT_COVERAGE = "Số đơn vị có giá trị, theo chỉ tiêu"
IMP_SHEET_NOT_DISTRICT = ("trang tính «{sheet}» có cùng các cột nhưng không mang tên huyện nào, trong khi các trang "
                          "khác mỗi trang một huyện, nên không được đọc (thường là trang tổng hợp).")
IMP_CELL_ERROR = "ô có lỗi công thức của Excel «{error}», không có giá trị; hãy sửa công thức hoặc nhập giá trị."
IMPORT_CHECKING = "Đang đọc và kiểm tra tệp ({size} MB)…"
IMPORT_CHANGES = "Nhập tệp này sẽ thay đổi gì so với dữ liệu đang dùng"
IMPORT_CHANGES_TABLE = "Xem chi tiết thay đổi theo từng {units}"
IMPORT_NOTHING_NEW = "Tệp không thay đổi gì so với dữ liệu đang dùng nên không cần nhập lại."
IMPORT_SECOND_CONFIRM = "Tôi đã xem các cảnh báo trên và vẫn muốn nhập: {headline}"
MAPPING_TITLE = "Ghép cột với chỉ tiêu"
MAPPING_HELP = ("Mỗi cột của tệp, vài giá trị đầu tiên, và chỉ tiêu mà ứng dụng hiểu. Chọn lại nếu chưa đúng, "
                "chọn «Bỏ qua cột này» cho cột không phải chỉ tiêu, rồi bấm «Áp dụng». Cách ghép được ghi nhớ "
                "cho các tệp sau có cùng tiêu đề cột.")
MAPPING_COLUMN = "Cột {letter} «{header}» — giá trị đầu: {samples}"
MAPPING_SUGGESTION = "Có thể là: {label}"
MAPPING_CHOICE = "Chỉ tiêu của cột {letter}"
MAPPING_UNDECIDED = "— Chưa chọn (chưa nhập cột này) —"
MAPPING_SKIP = "Bỏ qua cột này (không phải chỉ tiêu)"
MAPPING_APPLY = "Áp dụng cách ghép cột"
MAPPING_REMEMBERED = "Đã dùng cách ghép cột đã chọn lần trước cho tệp có cùng tiêu đề cột."
IMP_UNCOMPUTED_FORMULA = ("ô chứa công thức «{formula}» nhưng tệp không lưu kết quả tính; hãy mở tệp bằng "
                          "Excel hoặc LibreOffice, lưu lại rồi tải lên, hoặc thay công thức bằng giá trị.")
IMP_BAD_SHARE = "«{value}» không hợp lệ: số thôn đạt phải từ 0 đến tổng số thôn, và tổng số thôn lớn hơn 0."
IMP_UNCERTAIN_COLUMN = ("chưa chắc cột này là «{first}» hay «{second}» nên chưa nhập; hãy chọn ở bước "
                        "«Ghép cột với chỉ tiêu» bên dưới.")
IMP_NEEDED_INDICATORS = "{place} + (một cột cho mỗi chỉ tiêu, hoặc «{indicator}» + «{value}»)"
IMP_NO_INDICATOR_COLUMN = ("không nhận ra cột chỉ tiêu nào. Các cột tìm thấy: {found}. Cần: {needed}. "
                           "Hãy chọn chỉ tiêu cho từng cột ở bước «Ghép cột với chỉ tiêu» bên dưới.")
IMP_TOO_MANY_VILLAGES = ("tệp có hơn {limit} thôn, gấp nhiều lần {official} thôn đặc biệt khó khăn chính thức; "
                         "đây không phải danh sách thôn đặc biệt khó khăn (có thể là danh sách mọi thôn "
                         "hoặc bảng số liệu). Không nhập tệp này.")
IMP_NAME_MARKUP = ("tên «{value}» chứa ký tự < hoặc > (mã trang web), không được nhận; "
                   "hãy sửa lại tên trong tệp.")
IMP_NAME_INVISIBLE = ("tên «{value}» chứa ký tự điều khiển hoặc ký tự ẩn (vị trí ghi trong ngoặc vuông), "
                      "thường do sao chép từ trang web hoặc văn bản; hãy gõ lại tên này trong tệp.")

# Two programme periods (issue 12): each import is checked against the units of the chosen period.
IMP_UNIT_LISTS = {
    _P2021: "danh mục 200 xã của tỉnh (2021)",
    _P2026: "danh mục 65 xã, phường của tỉnh (từ 01/7/2025)",
}
IMPORT_TEMPLATE_UNITS = {_P2021: "200 xã", _P2026: "65 xã, phường"}
# The template buttons: short, so four fit on one line (the period is in the heading above them).
TEMPLATE_BUTTONS = {
    _vocabulary.CATEGORIES_KIND: "Mẫu khu vực I, II, III",
    _vocabulary.VILLAGES_KIND: "Mẫu thôn đặc biệt khó khăn",
    _vocabulary.COMMUNE_INDICATORS_KIND: "Mẫu chỉ tiêu cấp xã",
    _vocabulary.VILLAGE_INDICATORS_KIND: "Mẫu chỉ tiêu cấp thôn",
}
TEMPLATE_BUTTON_HELP = "{dataset}, giai đoạn {period}: tệp {file}"
IMPORT_PERIOD_HELP = {
    _P2026: ("Danh sách giai đoạn 2026-2030 (Nghị định 272/2025/NĐ-CP và quyết định của UBND tỉnh) trên 65 xã, "
             "phường từ 01/7/2025, không còn cấp huyện. Năm xã có hai mã khác nhau ở hai nguồn công bố "
             "(Quốc Khánh, Na Sầm, Thiện Tân, Cao Lộc, Ba Sơn): mã nào cũng được nhận."),
    _P2021: "Danh sách giai đoạn 2021-2025 (Quyết định 861/QĐ-TTg, 612/QĐ-UBDT) trên 200 xã cũ của 11 huyện.",
}
# What the page calls each kind of data in each period (the 2026-2030 lists are the province's decisions).
DATASET_LABELS = {
    _P2021: {
        _vocabulary.CATEGORIES_KIND: "Khu vực của xã (Quyết định 861/QĐ-TTg)",
        _vocabulary.VILLAGES_KIND: "Thôn đặc biệt khó khăn (Quyết định 612/QĐ-UBDT)",
        _vocabulary.COMMUNE_INDICATORS_KIND: "Chỉ tiêu cấp xã",
        _vocabulary.VILLAGE_INDICATORS_KIND: "Chỉ tiêu cấp thôn",
    },
    _P2026: {
        _vocabulary.CATEGORIES_KIND: "Khu vực của xã, phường (NĐ 272/2025/NĐ-CP)",
        _vocabulary.VILLAGES_KIND: "Thôn đặc biệt khó khăn 2026-2030",
        _vocabulary.COMMUNE_INDICATORS_KIND: "Chỉ tiêu cấp xã",
        _vocabulary.VILLAGE_INDICATORS_KIND: "Chỉ tiêu cấp thôn",
    },
}
IMPORT_SAVED_PERIOD = "Giai đoạn: {period}."
IMP_OTHER_PERIOD = (
    "tệp này có vẻ là danh sách của giai đoạn {other}, không phải giai đoạn {chosen} đang chọn: {there} trong "
    "{there_total} dòng ghi xã của tệp khớp {other_units}, còn {units} chỉ nhận ra {here} trong "
    "{here_total} dòng. Hãy chọn giai đoạn «{other}» ở đầu trang để kiểm tra tệp theo giai đoạn đó; tệp chưa được nhập."
)
IMP_OTHER_PERIOD_CODES = (
    "tệp này có vẻ là danh sách của giai đoạn {other}, không phải giai đoạn {chosen} đang chọn: cả {count} mã xã "
    "ghi trong tệp đều là mã trong {other_units} (mỗi xã, phường mới dùng lại mã của một xã cũ). Hãy chọn giai "
    "đoạn «{other}» ở đầu trang để kiểm tra tệp theo giai đoạn đó; tệp chưa được nhập."
)
# Totals of 2026-2030: the province's decision of 29/01/2026 (385 villages; 16 units without any).
TOT_NOT_PUBLISHED = "chưa công bố"
TOT_MISSING_UNITS = "{count} xã, phường chưa có khu vực trong tệp: {items}."
TOT_VILLAGES_2026 = (
    "Tổng số thôn đặc biệt khó khăn: tệp có {found}; quyết định của UBND tỉnh ngày 29/01/2026: {official} ({diff})."
)
TOT_ITEM_UNITS_WITHOUT_VILLAGES = "Xã, phường không có thôn ĐBKK (quyết định 29/01/2026)"
TOT_UNITS_WITHOUT_VILLAGES = (
    "{count} xã, phường có thôn trong tệp, trong khi theo quyết định của UBND tỉnh ngày 29/01/2026 không có "
    "thôn đặc biệt khó khăn nào: {items}."
)
CHG_WARN_VILLAGE_TOTAL_2026 = (
    "Tệp có {found} thôn, quyết định của UBND tỉnh ngày 29/01/2026 có {official} thôn: chênh lệch hơn {percent}%."
)
CHG_WARN_AREA_UNITS = "Tệp chỉ có khu vực của {found} xã, phường, chưa đến {percent}% trong {official} xã, phường."
# Templates of 2026-2030: no district column; the 65 units.
TPL_COL_NEW_UNIT = "Xã / phường"
TPL_HELP_COMMON_2026 = [
    "Không đổi tên, không xóa các cột tiêu đề. Mã xã giữ nguyên dạng 5 chữ số (ví dụ 05977).",
    "Tên xã, phường theo danh mục 65 xã, phường từ 01/7/2025 (Nghị quyết 1672/NQ-UBTVQH15); không cần ghi huyện.",
    "Tỷ lệ phần trăm ghi 86 hoặc 86% hoặc 0,86 đều được; chỉ tiêu Có/Không ghi 1 hoặc 0.",
    "Ứng dụng kiểm tra toàn bộ tệp trước khi lưu: tệp còn lỗi sẽ không được lưu phần nào.",
]
TPL_HELP_CATEGORIES_2026 = (
    "Điền cột «Khu vực» bằng I, II hoặc III theo quyết định phân định khu vực giai đoạn 2026-2030 "
    "(Nghị định 272/2025/NĐ-CP)."
)
TPL_HELP_VILLAGES_2026 = (
    "Mỗi thôn đặc biệt khó khăn giai đoạn 2026-2030 (quyết định của UBND tỉnh ngày 29/01/2026, 385 thôn) một "
    "dòng ở trang «Thôn»: mã xã (hoặc tên xã, phường) và tên thôn; tọa độ không bắt buộc. Tra mã xã ở trang "
    "«Danh mục xã»."
)
TPL_HELP_VILLAGE_INDICATORS_2026 = (
    "Mỗi thôn một dòng: mã xã (hoặc tên xã, phường), tên thôn và giá trị các chỉ tiêu. "
    "Tra mã xã ở trang «Danh mục xã»."
)
# Sign-in of editors (ui/editor_sign_in.py): viewing needs none; importing, rolling back and demo data do.
SIGN_IN_TITLE = "Đăng nhập biên tập viên"
SIGN_IN_WHY = ("Xem bản đồ, tải mẫu nhập liệu và xem lịch sử không cần đăng nhập. Nhập dữ liệu, quay lại phiên "
               "bản cũ và tạo dữ liệu minh họa cần tài khoản biên tập viên; mỗi thay đổi được ghi tên người làm.")
SIGN_IN_USERNAME = "Tên đăng nhập"
SIGN_IN_PASSWORD = "Mật khẩu"
SIGN_IN_BUTTON = "Đăng nhập"
SIGN_IN_WRONG = "Tên đăng nhập hoặc mật khẩu không đúng."
SIGN_IN_LOCKED = ("Tài khoản «{username}» đã nhập sai mật khẩu nhiều lần nên tạm khóa; hãy thử lại sau {minutes} "
                  "phút.")
SIGN_IN_NO_ACCOUNTS = ("Chưa có tài khoản biên tập viên nào. Quản trị viên máy chủ tạo tài khoản bằng lệnh dưới đây "
                       "(chạy trong thư mục ứng dụng, với người dùng chạy ứng dụng):")
SIGN_IN_COMMAND = '.venv/bin/python -m geo.editors set <tên_đăng_nhập> --name "Họ và tên"'
SIGNED_IN_AS = "Đang đăng nhập: {editor}. Các thay đổi bạn làm được ghi tên bạn trong lịch sử."
SIGN_OUT_BUTTON = "Đăng xuất"
SIGN_IN_NEEDED = "Bạn chưa đăng nhập (hoặc tài khoản vừa bị xóa); thay đổi chưa được lưu. Hãy đăng nhập rồi làm lại."
IMPORT_SIGN_IN_FIRST = "Đăng nhập ở mục trên để tải tệp lên và nhập dữ liệu."
ROLLBACK_SIGN_IN_FIRST = "Đăng nhập ở đầu trang để quay lại một phiên bản cũ."
DEMO_SIGN_IN_FIRST = "Đăng nhập ở đầu trang để tạo dữ liệu minh họa."
