"""Sentences more than one part of the app shows: yes/no, dataset names, the illustrative label."""

from geo import vocabulary as _vocabulary  # the keys; a leading underscore keeps it out of `texts`

APP_TITLE = "Bản đồ vùng đồng bào dân tộc thiểu số và miền núi tỉnh Lạng Sơn"
SOURCE_PREFIX = "Nguồn: "
GAP_MET = "Đã đạt mục tiêu"
OUTSIDE_AREA_LABEL = "Ngoài vùng DTTS&MN"
CATEGORY_NAMES = {_vocabulary.CATEGORY_III: "Khu vực III", _vocabulary.CATEGORY_II: "Khu vực II",
                  _vocabulary.CATEGORY_I: "Khu vực I"}
ILLUSTRATIVE_NOTE = "Dữ liệu minh họa — không phải số liệu chính thức"
IMP_PROBLEM_COLUMNS = {"severity": "Mức độ", "file": "Tệp", "sheet": "Trang tính", "row": "Dòng",
                       "column": "Cột", "message": "Nội dung"}
# Storage
ILLUSTRATIVE = "Dữ liệu minh họa"
SOURCE_LABELS = {_vocabulary.IMPORTED: "Dữ liệu đã nhập", _vocabulary.DEMO: ILLUSTRATIVE}
YES = "Có"
NO = "Không"
PRINT_LEGEND_TOP = "{count} xã ưu tiên đầu tư hàng đầu"
PRINT_LEGEND_TOP_PART = "{count} trong {ranked} xã ưu tiên đầu tư hàng đầu của tỉnh"
HISTORY_COLUMNS = {
    "at": "Thời điểm (giờ Việt Nam)", "action": "Thao tác", "kind": "Dữ liệu", "source": "Nguồn", "period": "Giai đoạn",
    "file_name": "Tệp", "row_count": "Số dòng", "version_id": "Phiên bản",
    "replaced_version_id": "Thay cho phiên bản", "in_use_version_id": "Phiên bản đang dùng",
    "by": "Người thực hiện",
}
HISTORY_BY_NOBODY = "không ghi (trước khi có đăng nhập)"
# What Streamlit 1.67's own widgets write in English (text, aria-label, title, placeholder), in Vietnamese;
# ui/vietnamese_chrome.py replaces them in the browser. A key is the whole English text; "{size}" stands for a
# file size ("20.0MB", rewritten "20 MB"), any other "{name}" for text kept as it is.
STREAMLIT_CHROME = {
    # page frame, sidebar, status
    "Skip to main content": "Chuyển tới nội dung chính",
    "Sidebar": "Thanh bên",
    "Collapse sidebar": "Thu gọn thanh bên",
    "Expand sidebar": "Mở thanh bên",
    "App pages": "Các trang",
    "Main menu": "Trình đơn",
    "Notifications": "Thông báo",
    "Link to heading": "Liên kết tới tiêu đề này",
    "Running...": "Đang chạy…",
    # an address naming no page (an old or mistyped link)
    "Page not found": "Không tìm thấy trang",
    "The page that you have requested does not seem to exist. Running the app's main page.":
        "Không có trang này (liên kết có thể đã cũ hoặc gõ sai). Ứng dụng mở trang Bản đồ.",
    "Stop": "Dừng",
    "Stopping...": "Đang dừng…",
    "Connecting": "Đang kết nối",
    "Connecting to Streamlit server": "Đang kết nối tới máy chủ",
    "Unable to connect to Streamlit server": "Không kết nối được tới máy chủ",
    "Connection error": "Lỗi kết nối",
    "Please wait...": "Xin chờ…",
    "Error": "Lỗi",
    "Close": "Đóng",
    "Dismiss": "Đóng",
    "Error:": "Lỗi:",
    "Loading": "Đang tải",
    "streamlit_folium.st_folium": "Bản đồ",
    "st.iframe": "Nội dung nhúng",
    # selectbox, multiselect (and the screen-reader announcements of their lists)
    "Choose an option": "Chọn một mục",
    "Choose options": "Chọn các mục",
    "No options to select": "Không có mục nào để chọn",
    "No results": "Không tìm thấy",
    "Open": "Mở danh sách",
    "Clear value": "Xóa lựa chọn",
    "Clear all": "Bỏ chọn tất cả",
    "Select all": "Chọn tất cả",
    "Select {count} matches": "Chọn {count} mục tìm thấy",
    "Selected values": "Các mục đã chọn",
    "Remove {name}": "Bỏ {name}",
    "Selectbox options": "Danh sách lựa chọn",
    "Multiselect options": "Danh sách lựa chọn",
    "Selectbox": "Ô chọn",
    "Multiselect": "Ô chọn nhiều mục",
    "{count} options available.": "Có {count} lựa chọn.",
    "{count} option available.": "Có {count} lựa chọn.",
    "{name}, selected": "{name}, đã chọn",
    "Show suggestions": "Hiện gợi ý",
    "Suggestions": "Gợi ý",
    # text and number inputs
    "Press Enter to apply": "Nhấn Enter để áp dụng",
    "Press Enter to submit form": "Nhấn Enter để gửi",
    "Show password": "Hiện mật khẩu",
    "Hide password": "Ẩn mật khẩu",
    "Clear entry": "Xóa nội dung",
    "Increment": "Tăng",
    "Decrement": "Giảm",
    # file uploader
    "Upload": "Chọn tệp",
    "Add files": "Thêm tệp",
    "add icon": "Thêm tệp",
    "{name}, {size}": "{name}, {size}",
    "{size}": "{size}",
    "file upload": "Chọn tệp để tải lên",
    "Drag and drop a file here": "Thả tệp vào đây",
    "Drag and drop files here": "Thả các tệp vào đây",
    "{size} per file": "Tối đa {size} mỗi tệp",
    "File must be {size} or smaller.": "Tệp quá lớn: tối đa {size}.",
    "Only one file is allowed.": "Chỉ nhận một tệp.",
    "Upload failed": "Tải lên không thành công",
    "Unexpected error. Please try again.": "Lỗi không mong đợi. Hãy thử lại.",
    # tables: toolbar, search, column menu
    "Show/hide columns": "Ẩn/hiện cột",
    "Download as CSV": "Tải về dạng CSV",
    "Search": "Tìm kiếm",
    "Type to search": "Gõ để tìm",
    "Close Search": "Đóng tìm kiếm",
    "Next Result": "Kết quả sau",
    "Previous Result": "Kết quả trước",
    "Fullscreen": "Toàn màn hình",
    "Close fullscreen": "Thoát toàn màn hình",
    "Dataframe column menu": "Trình đơn cột",
    "Sort ascending": "Sắp xếp tăng dần",
    "Sort descending": "Sắp xếp giảm dần",
    "Format": "Định dạng",
    "Automatic": "Tự động",
    "Localized": "Theo vùng",
    "Plain": "Số thường",
    "Compact": "Rút gọn",
    "Percent": "Phần trăm",
    "Scientific": "Dạng khoa học",
    "Accounting": "Kiểu kế toán",
    "Dollar": "Đô la Mỹ",
    "Euro": "Đồng euro",
    "Yen": "Đồng yên",
    "Duration": "Thời lượng",
    "Statistics": "Thống kê",
    "Values": "Số giá trị",
    "Empty": "Ô trống",
    "Distinct": "Số giá trị khác nhau",
    "Average": "Trung bình",
    "Standard deviation": "Độ lệch chuẩn",
    "Minimum": "Nhỏ nhất",
    "25th percentile": "Phân vị 25",
    "Median": "Trung vị",
    "75th percentile": "Phân vị 75",
    "Maximum": "Lớn nhất",
    "Sum": "Tổng",
    "Minimum length": "Độ dài nhỏ nhất",
    "Maximum length": "Độ dài lớn nhất",
    "Average length": "Độ dài trung bình",
    "Vega visualization": "Biểu đồ",
    "text": "Chữ",
    "number": "Số",
    "Autosize": "Tự chỉnh độ rộng",
    "Pin column": "Ghim cột",
    "Unpin column": "Bỏ ghim cột",
    "Hide column": "Ẩn cột",
    "Copy column name": "Sao chép tên cột",
    "Loading...": "Đang tải…",
}
