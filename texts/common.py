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
HISTORY_COLUMNS = {
    "at": "Thời điểm (giờ Việt Nam)", "action": "Thao tác", "kind": "Dữ liệu", "source": "Nguồn", "period": "Giai đoạn",
    "file_name": "Tệp", "row_count": "Số dòng", "version_id": "Phiên bản",
    "replaced_version_id": "Thay cho phiên bản", "in_use_version_id": "Phiên bản đang dùng",
}
