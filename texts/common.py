"""Sentences more than one part of the app shows: yes/no, dataset names, the illustrative label."""

APP_TITLE = "Bản đồ vùng đồng bào dân tộc thiểu số và miền núi tỉnh Lạng Sơn"
SOURCE_PREFIX = "Nguồn: "
GAP_MET = "Đã đạt mục tiêu"
OUTSIDE_AREA = "Ngoài vùng DTTS&MN"
CATEGORY_NAMES = {"III": "Khu vực III", "II": "Khu vực II", "I": "Khu vực I"}
ILLUSTRATIVE_NOTE = "Dữ liệu minh họa — không phải số liệu chính thức"
IMP_PROBLEM_COLUMNS = {"severity": "Mức độ", "file": "Tệp", "sheet": "Trang tính", "row": "Dòng",
                       "column": "Cột", "message": "Nội dung"}
# Storage
DATASET_LABELS = {
    "categories": "Khu vực của xã (Quyết định 861/QĐ-TTg)",
    "villages": "Thôn đặc biệt khó khăn (Quyết định 612/QĐ-UBDT)",
    "indicators_commune": "Chỉ tiêu cấp xã",
    "indicators_village": "Chỉ tiêu cấp thôn",
}
ILLUSTRATIVE = "Dữ liệu minh họa"
SOURCE_LABELS = {"imported": "Dữ liệu đã nhập", "demo": ILLUSTRATIVE}
YES = "Có"
NO = "Không"
PRINT_LEGEND_TOP = "{count} xã ưu tiên đầu tư hàng đầu"
HISTORY_COLUMNS = {
    "at": "Thời điểm (giờ Việt Nam)", "action": "Thao tác", "kind": "Dữ liệu", "source": "Nguồn",
    "file_name": "Tệp", "row_count": "Số dòng", "version_id": "Phiên bản",
    "replaced_version_id": "Thay cho phiên bản", "in_use_version_id": "Phiên bản đang dùng",
}
