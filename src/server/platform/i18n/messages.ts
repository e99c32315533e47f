import type { Lang } from "../../../contracts/common.js";

type Catalog = Record<string, string>;

/** Error and message texts by stable code. `{name}` placeholders are filled from params. */
const vi = {
  VALIDATION_FAILED: "Dữ liệu không hợp lệ. Vui lòng kiểm tra các trường được đánh dấu.",
  URI_TOO_LONG: "Địa chỉ yêu cầu quá dài.",
  PAYLOAD_TOO_LARGE: "Dữ liệu gửi lên quá lớn: tối đa {limitMb} MB.",
  BODY_MALFORMED: "Nội dung gửi lên bị lỗi định dạng, không đọc được.",
  UNSUPPORTED_MEDIA_TYPE: "Không nhận loại nội dung này ({contentType}).",
  URL_INVALID: "Địa chỉ yêu cầu không hợp lệ.",
  BAD_REQUEST: "Yêu cầu không hợp lệ.",
  HEADERS_TOO_LARGE: "Phần đầu của yêu cầu quá lớn (thường do cookie); hãy xóa cookie của trang rồi thử lại.",
  FEE_FRAME_ORDER: "Mức tối đa phải lớn hơn hoặc bằng mức tối thiểu.",
  TARIFF_UNKNOWN: "Không có biểu giá này cho loại phí đã chọn.",
  RULE_BUILDING_FIXED: "Không thể chuyển khoản phí sang tòa nhà khác; hãy tạo khoản phí mới.",
  BANK_UNKNOWN: "Không có ngân hàng với mã BIN này.",
  TARIFF_KIND_FIXED: "Các phiên bản của một biểu giá cùng loại (điện hoặc nước) với biểu giá đó.",
  TARIFF_CODE_FIXED: "Phiên bản giữ mã của biểu giá; hãy tạo biểu giá mới nếu cần mã khác.",
  PERIOD_FORMAT: "Kỳ phải theo dạng YYYY-MM, ví dụ 2026-05.",
  UNAUTHENTICATED: "Bạn cần đăng nhập để tiếp tục.",
  FORBIDDEN: "Bạn không có quyền thực hiện thao tác này.",
  NOT_FOUND: "Không tìm thấy {entity}.",
  ROUTE_NOT_FOUND: "Không tìm thấy địa chỉ yêu cầu.",
  CONFLICT: "Dữ liệu bị trùng: {constraint}.",
  RATE_LIMITED: "Bạn thao tác quá nhanh. Vui lòng thử lại sau {retryAfterSeconds} giây.",
  INTERNAL: "Đã có lỗi xảy ra ở máy chủ. Mã yêu cầu: {requestId}.",
  CSRF_INVALID: "Phiên làm việc không hợp lệ (CSRF). Vui lòng tải lại trang.",
  INVALID_CREDENTIALS: "Email/số điện thoại hoặc mật khẩu không đúng.",
  ACCOUNT_LOCKED: "Tài khoản tạm khóa do nhập sai nhiều lần. Thử lại sau {retryAfterSeconds} giây.",
  SECOND_FACTOR_REQUIRED: "Vui lòng nhập mã xác thực để hoàn tất đăng nhập.",
  OTP_INVALID: "Mã một lần không đúng hoặc đã được dùng.",
  OTP_EXPIRED: "Mã một lần đã hết hạn. Vui lòng yêu cầu mã mới.",
  OTP_TOO_MANY_ATTEMPTS: "Nhập sai mã quá nhiều lần. Vui lòng yêu cầu mã mới.",
  OTP_CHANNEL_UNAVAILABLE: "Không gửi được mã qua kênh này.",
  JOBS_UNAVAILABLE: "Hệ thống xử lý nền đang tắt; vui lòng thử lại sau.",
  FEE_OUTSIDE_FRAME: "Phí quản lý {price} ₫/m² nằm ngoài khung giá của tỉnh cho tòa nhà ({min}–{max} ₫/m²).",
  FEE_RULE_IN_USE: "Khoản phí đã có trên thông báo phí đã phát hành; hãy đặt ngày kết thúc thay vì xóa.",
  TARIFF_VERSION_IN_USE:
    "Biểu giá {code} áp dụng từ {validFrom} đã được dùng trên thông báo phí đã phát hành nên không thể sửa hay xóa; hãy thêm một phiên bản mới với ngày áp dụng của nó.",
  TARIFF_DATES_BILLED:
    "Đã có thông báo phí phát hành tính theo biểu giá {code} cho những ngày từ {validFrom}; hãy chọn ngày áp dụng sau kỳ đã phát hành.",
  TARIFF_CODE_NATIONAL:
    "Mã {code} là biểu giá toàn quốc do quản trị nền tảng cập nhật; hãy dùng một mã khác.",
  TARIFF_NATIONAL_ONLY:
    "Biểu giá điện (EVN) là biểu giá toàn quốc do quản trị nền tảng cập nhật; công ty chỉ nhập biểu giá nước của địa phương.",
  READING_BELOW_PREVIOUS: "Chỉ số mới ({reading}) thấp hơn chỉ số kỳ trước ({previous}).",
  REVIEW_UNDECIDED:
    "Còn {count} thông báo phí cần xem lại trước khi phát hành (thiếu chỉ số: {missingReadings}, bất thường: {outliers}, lần đầu: {firstTime}, thay đổi: {changed}); hãy chọn phát hành hoặc loại ra cho từng thông báo.",
  REVIEW_STALE:
    "Các thông báo phí nháp đã thay đổi sau khi bạn xem lại; hãy xem lại danh sách rồi phát hành.",
  REVIEW_NOT_A_DRAFT: "Thông báo phí {invoiceId} không phải là bản nháp của kỳ này.",
  READING_UNUSUAL:
    "Mức tiêu thụ {consumption} cao bất thường so với thường lệ (khoảng {usual}); hãy kiểm tra lại công tơ rồi xác nhận.",
  INVOICE_NOT_ISSUED: "Thông báo phí chưa được phát hành hoặc đã hủy.",
  TRANSFER_ALREADY_MATCHED: "Giao dịch này đã được đối soát.",
  TRANSFER_ALREADY_ASSIGNED: "Giao dịch này đã được giao cho một công ty.",
  AMOUNT_OUT_OF_RANGE: "Tổng số tiền ({what}) vượt quá giới hạn hệ thống có thể tính chính xác.",
  LINE_AMOUNT_TOO_LARGE:
    "Khoản phí của căn hộ {unitCode} sẽ là {amount} ₫, vượt mức tối đa 1.000.000.000.000 ₫ cho một dòng. Hãy kiểm tra lại đơn giá.",
  OVERPAYMENT_UNCONFIRMED:
    "Số tiền {amount} ₫ lớn hơn số căn hộ đang nợ ({owed} ₫) quá {margin} ₫. Hãy kiểm tra lại, hoặc xác nhận để ghi phần dư thành tiền trả trước.",
  BANK_ACCOUNT_HELD:
    "Số tài khoản này đang thuộc một công ty khác trên hệ thống. Nếu tài khoản đã chuyển sang công ty bạn, hãy liên hệ quản trị nền tảng để chuyển quyền sở hữu.",
  BANK_FEED_REFUSED: "Yêu cầu không được xác thực ({reason}).",
  GATEWAY_UNAVAILABLE: "Thanh toán trực tuyến chưa được cấu hình.",
  INVOICE_NOT_PAYABLE: "Thông báo phí này không còn khoản nào phải nộp.",
  TOTP_INVALID: "Mã từ ứng dụng xác thực không đúng.",
  TOTP_NOT_ENABLED: "Tài khoản chưa bật ứng dụng xác thực.",
  TOTP_ALREADY_ENABLED: "Ứng dụng xác thực đã được bật.",
  TOTP_SETUP_MISSING: "Hãy bắt đầu thiết lập ứng dụng xác thực trước.",
  REAUTH_REQUIRED: "Vui lòng xác nhận lại mật khẩu để thực hiện thao tác này.",
  PASSWORD_TOO_WEAK: "Mật khẩu cần ít nhất 8 ký tự, gồm cả chữ và số.",
  CONTACT_INVALID: "Email hoặc số điện thoại không hợp lệ.",
  NO_CONTEXT: "Bạn chưa có vai trò nào trong công ty quản lý.",
  CONTEXT_NOT_FOUND: "Không tìm thấy vai trò đã chọn.",
  INVITATION_INVALID: "Lời mời không tồn tại, đã hết hạn hoặc đã được dùng.",
  INVITATION_ALREADY_MEMBER: "Người này đã có vai trò này trong công ty.",
  BUILDING_NOT_EMPTY: "Tòa nhà còn {units} căn hộ; hãy chuyển hoặc xóa các căn hộ trước.",
  BUILDING_NOT_IN_COMPANY: "Tòa nhà không thuộc công ty này.",
  LAST_ADMIN: "Công ty cần ít nhất một quản trị viên đang hoạt động.",
  CANNOT_CHANGE_SELF: "Bạn không thể tự đổi vai trò hoặc khóa chính mình.",
  UNIT_BLOCK_UNKNOWN: "Tòa nhà không có tòa/block này.",
  UNIT_FLOOR_OUTSIDE: "Tầng vượt quá số tầng của tòa/block.",
  VEHICLE_NOT_PENDING: "Phương tiện này không ở trạng thái chờ duyệt.",
  RESIDENT_NO_CONTACT: "Cư dân chưa có email hoặc số điện thoại để gửi lời mời.",
  VEHICLE_OWNER_NOT_MEMBER: "Chủ xe phải là thành viên hộ đang ở căn hộ này.",
  PLATE_INVALID: "Biển số không đúng định dạng cho loại xe này.",
  PLATE_REQUIRED: "Loại xe này cần biển số.",
  FIELD_TAKEN: "Giá trị này đã có, không thể trùng.",
  CHANGE_REQUEST_NOT_PENDING: "Yêu cầu này đã được xử lý.",
  FIELD_REQUIRED: "Bắt buộc nhập.",
  FIELD_INVALID: "Giá trị không hợp lệ.",
  IMPORT_INVALID:
    "Tệp có {count} lỗi; chưa có dữ liệu nào được ghi. Hãy sửa các ô được liệt kê rồi nhập lại.",
  IMPORT_FILE_UNREADABLE: "Không đọc được tệp. Hãy dùng tệp .xlsx hoặc .csv theo mẫu.",
  IMPORT_NO_SHEET: "Tệp không có trang Căn hộ, Cư dân hay Phương tiện.",
  IMPORT_COLUMN_MISSING: "Thiếu cột bắt buộc này ở dòng tiêu đề.",
  IMPORT_COLUMN_UNKNOWN:
    "Mẫu không có cột này: đổi tiêu đề theo mẫu (trang Hướng dẫn liệt kê các tên được chấp nhận) hoặc xóa cột.",
  IMPORT_COLUMN_DUPLICATE: "Cột này trùng với cột {column}: chỉ giữ một cột.",
  IMPORT_EXAMPLE_ROW: "Đây là dòng ví dụ của mẫu: hãy xóa dòng này.",
  IMPORT_DATE_FUTURE: "Ngày này chưa đến.",
  IMPORT_FILE_TOO_LARGE: "Tệp lớn quá {max} MB.",
  IMPORT_DUPLICATE: "Trùng với dòng {row} trong tệp.",
  IMPORT_UNIT_UNKNOWN: "Không có căn hộ mã này trong tòa nhà hay trong tệp.",
  IMPORT_CHOICE: "Giá trị phải là một trong: {choices}.",
  IMPORT_NUMBER: "Phải là số nguyên từ {min} đến {max}.",
  IMPORT_AREA: "Diện tích phải là số dương, tối đa 2 chữ số thập phân (ví dụ 72,35).",
  IMPORT_DATE: "Ngày phải theo dạng dd/MM/yyyy.",
  IMPORT_DATE_IMPOSSIBLE: "Không có ngày {date}: tháng {month}/{year} chỉ có {days} ngày.",
  IMPORT_DATE_NO_MONTH: "Không có ngày {date}: tháng chỉ từ 1 đến 12.",
  IMPORT_PHONE:
    "Số điện thoại không hợp lệ (dòng {row}, cột “{column}”): cần số di động 10 chữ số, ví dụ 0912345678.",
  IMPORT_EMAIL: "Email không hợp lệ (dòng {row}, cột “{column}”).",
  IMPORT_SHEET_UNKNOWN:
    "Không nhận ra trang “{sheet}”: dòng tiêu đề không khớp trang Căn hộ, Cư dân hay Phương tiện của mẫu (trang Hướng dẫn liệt kê các cột).",
  IMPORT_TOO_LONG: "Dài quá {max} ký tự.",
  IMPORT_NATIONALITY: "Quốc tịch phải là mã 2 chữ cái, ví dụ VN.",
  IMPORT_BODY_MISSING: "Hãy gửi nội dung tệp trong thân yêu cầu.",
  CONSENT_NOT_APPLICABLE: "Mục đích này không dựa trên sự đồng ý nên không thể bật/tắt.",
  EXPORT_EXPIRED: "Liên kết tải dữ liệu đã hết hạn. Hãy tạo liên kết mới.",
  IDENTITY_CHANNEL_UNAVAILABLE: "Cư dân chưa có email hoặc số điện thoại để gửi mã xác minh qua kênh này.",
  IDENTITY_CHECK_REQUIRED: "Hãy gửi mã xác minh cho cư dân và nhập mã họ đọc lại.",
  IDENTITY_CODE_SUBJECT: "Mã xác minh yêu cầu về dữ liệu cá nhân",
  IDENTITY_CODE_TEXT:
    "Mã xác minh của bạn là {code}. Chỉ đọc mã này cho nhân viên chăm sóc cư dân khi bạn đang yêu cầu về dữ liệu cá nhân của mình. Mã có hiệu lực 10 phút.",
  NO_RESIDENT_RECORD: "Ban quản lý chưa có hồ sơ cư dân nào gắn với tài khoản của bạn.",
  REQUEST_ALREADY_OPEN: "Bạn đã có một yêu cầu loại này đang được xử lý.",
  REQUEST_CLOSED: "Yêu cầu đã kết thúc; không thể thay đổi nữa.",
  RESIDENT_RESTRICTED: "{count} người đã yêu cầu hạn chế xử lý dữ liệu; không thể chia sẻ dữ liệu của họ.",
  DATE_IN_FUTURE: "Thời điểm không thể ở tương lai.",
  ERASURE_KEPT_ALL: "Toàn bộ dữ liệu",
  ERASURE_REASON_DISPUTE:
    "Đang có tranh chấp: {reason} (số {reference}); dữ liệu được giữ đến khi giải quyết xong",
  ERASURE_REASON_UNPAID_BILLED:
    "{count} thông báo phí lập cho bạn chưa thanh toán ({notices}); cần để thu nợ, sẽ xóa khi đã thanh toán",
  ERASURE_REASON_UNPAID_OWNER:
    "{count} thông báo phí của căn hộ {units}, nơi bạn là chủ hộ, chưa thanh toán ({notices}); cần để thu nợ, sẽ xóa khi đã thanh toán",
  ERASURE_KEPT_ACCOUNTING: "Họ tên trên {count} thông báo phí đã phát hành và các khoản thanh toán",
  ERASURE_REASON_ACCOUNTING: "Luật Kế toán buộc lưu chứng từ {years} năm",
  ERASURE_DONE_SUBJECT: "Dữ liệu cá nhân của bạn đã được xóa",
  ERASURE_DONE_TEXT:
    "Theo yêu cầu của bạn, Ban quản lý đã xóa dữ liệu cá nhân sau: {erased}.\n\nDữ liệu được giữ lại theo quy định pháp luật:\n{kept}\n\nTài khoản của bạn đã được đăng xuất trên mọi thiết bị.",
  ERASURE_NOTHING_KEPT: "Không có.",
  ERASURE_DONE_SMS: "Ban quản lý đã xóa dữ liệu cá nhân của bạn theo yêu cầu. Chi tiết: liên hệ Ban quản lý.",
  BREACH_NOTICE_SUBJECT: "{company}: thông báo sự cố lộ lọt dữ liệu cá nhân",
  BREACH_NOTICE_TEXT:
    '{company} thông báo: lúc {detectedAt} (UTC) chúng tôi phát hiện sự cố "{title}".\n\n{description}\n\nDữ liệu của bạn có thể bị ảnh hưởng: {fields}.\n\nChúng tôi đã:\n{steps}\n\nBạn nên cảnh giác với cuộc gọi, tin nhắn lạ nhân danh Ban quản lý; không cung cấp mã một lần cho ai. Mọi thắc mắc xin liên hệ Ban quản lý.',
  BREACH_OVERDUE_TITLE: "Sự cố lộ lọt dữ liệu đã quá hạn 72 giờ thông báo",
  TAX_CODE_INVALID: "Mã số thuế gồm 10 chữ số, hoặc 13 chữ số cho chi nhánh (ví dụ 0312345678-001).",
  PHONE_FORMAT_INVALID:
    "Số điện thoại chưa đúng: di động 10 số (0912 345 678), cố định 11 số (024 3825 1234) hoặc 1900/1800.",
  EMAIL_INVALID: "Địa chỉ email chưa đúng (ví dụ bql@congty.vn).",
  LOGO_TYPE_INVALID: "Logo phải là ảnh PNG hoặc JPEG.",
  LOGO_TOO_LARGE: "Logo tối đa {limitKb} kB.",
  LOGO_MISSING: "Chưa có logo.",
  LOGO_CHANGED: "Logo vừa được người khác thay; hãy tải lại trang rồi thử lại.",
  ANNOUNCEMENT_SENT: "Thông báo này đã được gửi: chỉ có thể ghim, bỏ ghim hoặc lưu trữ.",
  PUBLISH_AT_PAST: "Thời điểm đăng phải ở tương lai.",
  PUBLISH_AT_REQUIRED: "Hãy chọn thời điểm đăng.",
  CONVERSATION_ANSWERED: "Ban quản lý đã trả lời: {topic}",
  CONVERSATION_MANAGEMENT: "Ban quản lý",
  CONVERSATION_ASSIGNEE: "Người này không trả lời cư dân của tòa nhà.",
  SURVEY_CLOSES_PAST: "Ngày đóng khảo sát phải ở tương lai.",
  SURVEY_QUESTION_IDS: "Mỗi câu hỏi cần một mã riêng.",
  SURVEY_ANSWER_REQUIRED: "Hãy trả lời câu hỏi này.",
  SURVEY_ANSWER_INVALID: "Câu trả lời không hợp lệ cho câu hỏi này.",
  SURVEY_CLOSED: "Khảo sát đã đóng.",
  SURVEY_UNIT_REQUIRED: "Hãy chọn căn hộ bạn trả lời thay.",
  SURVEY_ANSWERED: "Bạn đã trả lời khảo sát này.",
  EMERGENCY_SUBJECT: "[KHẨN CẤP] {title}",
  NO_CONTACT: "Không có email, số điện thoại hay tài khoản ứng dụng",
  SEND_FAILED: "Gửi không được sau 3 lần thử",
} satisfies Catalog;

/** A stable message code: what error factories and `details.fields` carry, worded here in each language. */
export type MessageCode = keyof typeof vi;

const en: Record<MessageCode, string> = {
  VALIDATION_FAILED: "Some data is not valid. Please check the highlighted fields.",
  URI_TOO_LONG: "The requested address is too long.",
  PAYLOAD_TOO_LARGE: "What was sent is too large: at most {limitMb} MB.",
  BODY_MALFORMED: "What was sent is malformed and cannot be read.",
  UNSUPPORTED_MEDIA_TYPE: "This type of content is not accepted ({contentType}).",
  URL_INVALID: "The requested address is not valid.",
  BAD_REQUEST: "The request is not valid.",
  HEADERS_TOO_LARGE:
    "The request's headers are too large (usually cookies); clear this site's cookies and retry.",
  FEE_FRAME_ORDER: "The maximum must be at least the minimum.",
  TARIFF_UNKNOWN: "There is no such tariff for this kind of fee.",
  RULE_BUILDING_FIXED: "A fee rule cannot move to another building; create a new rule instead.",
  BANK_UNKNOWN: "No bank has this BIN.",
  TARIFF_KIND_FIXED: "A version has the same kind (electricity or water) as its tariff.",
  TARIFF_CODE_FIXED: "A version keeps its tariff's code; create a new tariff for another code.",
  PERIOD_FORMAT: "The period must read YYYY-MM, e.g. 2026-05.",
  UNAUTHENTICATED: "Please sign in to continue.",
  FORBIDDEN: "You are not allowed to do this.",
  NOT_FOUND: "{entity} not found.",
  ROUTE_NOT_FOUND: "No such address.",
  CONFLICT: "This duplicates existing data: {constraint}.",
  RATE_LIMITED: "Too many requests. Please try again in {retryAfterSeconds} seconds.",
  INTERNAL: "Something went wrong on the server. Request id: {requestId}.",
  CSRF_INVALID: "Invalid session token (CSRF). Please reload the page.",
  INVALID_CREDENTIALS: "Wrong email/phone or password.",
  ACCOUNT_LOCKED:
    "The account is locked after too many failed attempts. Try again in {retryAfterSeconds} seconds.",
  SECOND_FACTOR_REQUIRED: "Please enter your verification code to finish signing in.",
  OTP_INVALID: "The one-time code is wrong or was already used.",
  OTP_EXPIRED: "The one-time code has expired. Please ask for a new one.",
  OTP_TOO_MANY_ATTEMPTS: "Too many wrong codes. Please ask for a new one.",
  OTP_CHANNEL_UNAVAILABLE: "A code cannot be sent through this channel.",
  JOBS_UNAVAILABLE: "Background processing is switched off; please try again later.",
  FEE_OUTSIDE_FRAME:
    "The management fee {price} ₫/m² is outside the province's price frame for this building ({min}–{max} ₫/m²).",
  FEE_RULE_IN_USE: "This fee is on issued fee notices; set an end date instead of deleting it.",
  TARIFF_VERSION_IN_USE:
    "The tariff {code} in force from {validFrom} was used by issued fee notices, so it cannot be changed or deleted; add a new version with its valid-from date.",
  TARIFF_DATES_BILLED:
    "Issued fee notices already charged the tariff {code} for days from {validFrom}; choose a valid-from date after the issued months.",
  TARIFF_CODE_NATIONAL: "The code {code} is a national tariff kept by the platform admin; use another code.",
  TARIFF_NATIONAL_ONLY:
    "Electricity (EVN) tariffs are national and kept by the platform admin; a company enters its local water tariffs.",
  READING_BELOW_PREVIOUS: "The new reading ({reading}) is lower than the previous one ({previous}).",
  REVIEW_UNDECIDED:
    "{count} fee notices need a look before issuing (missing readings: {missingReadings}, outliers: {outliers}, first notices: {firstTime}, changed: {changed}); choose to issue or exclude each of them.",
  REVIEW_STALE: "The draft notices changed after you reviewed them; review them again, then issue.",
  REVIEW_NOT_A_DRAFT: "The fee notice {invoiceId} is not a draft of this period.",
  READING_UNUSUAL:
    "A consumption of {consumption} is far above the usual (about {usual}); check the meter, then confirm.",
  INVOICE_NOT_ISSUED: "The fee notice has not been issued, or it was voided.",
  TRANSFER_ALREADY_MATCHED: "This transfer has already been matched.",
  TRANSFER_ALREADY_ASSIGNED: "This transfer has already been assigned to a company.",
  AMOUNT_OUT_OF_RANGE: "The total ({what}) is beyond what the system can compute exactly.",
  LINE_AMOUNT_TOO_LARGE:
    "The fee for unit {unitCode} would be {amount} VND, above the maximum of 1,000,000,000,000 VND for one line. Check the price.",
  OVERPAYMENT_UNCONFIRMED:
    "{amount} VND is more than the unit owes ({owed} VND) by more than {margin} VND. Check it, or confirm to keep the rest as credit.",
  BANK_ACCOUNT_HELD:
    "This account number belongs to another company on the platform. If the account has moved to your company, ask the platform admin to transfer it.",
  BANK_FEED_REFUSED: "The request could not be authenticated ({reason}).",
  GATEWAY_UNAVAILABLE: "Online payment is not configured.",
  INVOICE_NOT_PAYABLE: "Nothing is due on this fee notice.",
  TOTP_INVALID: "The authenticator code is wrong.",
  TOTP_NOT_ENABLED: "The authenticator app is not enabled on this account.",
  TOTP_ALREADY_ENABLED: "The authenticator app is already enabled.",
  TOTP_SETUP_MISSING: "Start the authenticator setup first.",
  REAUTH_REQUIRED: "Please confirm your password to do this.",
  PASSWORD_TOO_WEAK: "The password needs at least 8 characters, with letters and digits.",
  CONTACT_INVALID: "Not a valid email address or phone number.",
  NO_CONTEXT: "You have no role in a management company yet.",
  CONTEXT_NOT_FOUND: "The chosen role was not found.",
  INVITATION_INVALID: "This invitation does not exist, has expired or was already used.",
  INVITATION_ALREADY_MEMBER: "This person already holds this role in the company.",
  BUILDING_NOT_EMPTY: "The building still has {units} units; move or delete them first.",
  BUILDING_NOT_IN_COMPANY: "The building does not belong to this company.",
  LAST_ADMIN: "The company needs at least one active admin.",
  CANNOT_CHANGE_SELF: "You cannot change your own role or disable yourself.",
  UNIT_BLOCK_UNKNOWN: "The building has no such block.",
  UNIT_FLOOR_OUTSIDE: "The floor is above the block's top floor.",
  VEHICLE_NOT_PENDING: "This vehicle is not waiting for approval.",
  RESIDENT_NO_CONTACT: "The resident has no email or phone to send an invitation to.",
  VEHICLE_OWNER_NOT_MEMBER: "The owner must be a current member of this unit's household.",
  PLATE_INVALID: "The plate does not have the format of this vehicle type.",
  PLATE_REQUIRED: "This vehicle type needs a plate.",
  FIELD_TAKEN: "This value is already taken.",
  CHANGE_REQUEST_NOT_PENDING: "This request has already been decided.",
  FIELD_REQUIRED: "Required.",
  FIELD_INVALID: "Invalid value.",
  IMPORT_INVALID: "The file has {count} errors; nothing was written. Fix the cells listed and import again.",
  IMPORT_FILE_UNREADABLE: "The file cannot be read. Use an .xlsx or .csv file made from the template.",
  IMPORT_NO_SHEET: "The file has no Units, Residents or Vehicles sheet.",
  IMPORT_COLUMN_MISSING: "This required column is missing from the header row.",
  IMPORT_COLUMN_UNKNOWN:
    "The template has no such column: rename it as in the template (the guide sheet lists the names accepted) or delete it.",
  IMPORT_COLUMN_DUPLICATE: "This column repeats the column {column}: keep only one.",
  IMPORT_EXAMPLE_ROW: "This is the template's example row: delete it.",
  IMPORT_DATE_FUTURE: "This date has not come yet.",
  IMPORT_FILE_TOO_LARGE: "The file is larger than {max} MB.",
  IMPORT_DUPLICATE: "Duplicates row {row} of the file.",
  IMPORT_UNIT_UNKNOWN: "No unit with this code in the building or the file.",
  IMPORT_CHOICE: "Must be one of: {choices}.",
  IMPORT_NUMBER: "Must be a whole number from {min} to {max}.",
  IMPORT_AREA: "The area must be a positive number with at most 2 decimals (e.g. 72.35).",
  IMPORT_DATE: "Dates are written dd/MM/yyyy.",
  IMPORT_DATE_IMPOSSIBLE: "There is no {date}: month {month}/{year} has only {days} days.",
  IMPORT_DATE_NO_MONTH: "There is no {date}: months go from 1 to 12.",
  IMPORT_PHONE:
    "Invalid phone number (row {row}, column “{column}”): a 10-digit mobile number such as 0912345678.",
  IMPORT_EMAIL: "Invalid email address (row {row}, column “{column}”).",
  IMPORT_SHEET_UNKNOWN:
    "Sheet “{sheet}” is not recognised: its header row matches neither the Units, the Residents nor the Vehicles sheet of the template (the guide sheet lists the columns).",
  IMPORT_TOO_LONG: "Longer than {max} characters.",
  IMPORT_NATIONALITY: "Nationality is a 2-letter code such as VN.",
  IMPORT_BODY_MISSING: "Send the file's content as the request body.",
  CONSENT_NOT_APPLICABLE: "This purpose does not rest on consent, so it cannot be switched on or off.",
  EXPORT_EXPIRED: "The download link has expired. Please create a new one.",
  IDENTITY_CHANNEL_UNAVAILABLE:
    "The resident has no email or phone to send a verification code on this channel.",
  IDENTITY_CHECK_REQUIRED: "Send the resident a verification code and enter the code they read back.",
  IDENTITY_CODE_SUBJECT: "Verification code for your personal-data request",
  IDENTITY_CODE_TEXT:
    "Your verification code is {code}. Read it only to customer care when you are making a request about your own personal data. It is valid for 10 minutes.",
  NO_RESIDENT_RECORD: "Management holds no resident record linked to your account yet.",
  REQUEST_ALREADY_OPEN: "You already have a request of this kind in progress.",
  REQUEST_CLOSED: "The request is closed and can no longer change.",
  RESIDENT_RESTRICTED:
    "{count} people asked to restrict the processing of their data; their data cannot be shared.",
  DATE_IN_FUTURE: "The time cannot be in the future.",
  ERASURE_KEPT_ALL: "All data",
  ERASURE_REASON_DISPUTE: "An open dispute: {reason} (ref. {reference}); kept until it is settled",
  ERASURE_REASON_UNPAID_BILLED:
    "{count} fee notices billed to you are unpaid ({notices}); needed to collect them, erased once paid",
  ERASURE_REASON_UNPAID_OWNER:
    "{count} fee notices of unit {units}, which you own, are unpaid ({notices}); needed to collect them, erased once paid",
  ERASURE_KEPT_ACCOUNTING: "The name on {count} issued fee notices and their payments",
  ERASURE_REASON_ACCOUNTING: "The Law on Accounting requires keeping records for {years} years",
  ERASURE_DONE_SUBJECT: "Your personal data has been erased",
  ERASURE_DONE_TEXT:
    "As you asked, management erased this personal data: {erased}.\n\nKept as the law requires:\n{kept}\n\nYou have been signed out on every device.",
  ERASURE_NOTHING_KEPT: "Nothing.",
  ERASURE_DONE_SMS: "Management erased your personal data as you asked. For details, contact management.",
  BREACH_NOTICE_SUBJECT: "{company}: notice of a personal-data breach",
  BREACH_NOTICE_TEXT:
    '{company} informs you: at {detectedAt} (UTC) we found an incident, "{title}".\n\n{description}\n\nYour data may be affected: {fields}.\n\nWhat we did:\n{steps}\n\nBe wary of unexpected calls or messages in management\'s name; never give anyone a one-time code. Contact management with any question.',
  BREACH_OVERDUE_TITLE: "A data breach passed its 72-hour notice deadline",
  TAX_CODE_INVALID: "A tax code has 10 digits, or 13 for a branch (e.g. 0312345678-001).",
  PHONE_FORMAT_INVALID:
    "Not a Vietnamese phone number: a mobile has 10 digits (0912 345 678), a landline 11 (024 3825 1234), or 1900/1800.",
  EMAIL_INVALID: "Not an email address (e.g. office@company.vn).",
  LOGO_TYPE_INVALID: "The logo must be a PNG or JPEG image.",
  LOGO_TOO_LARGE: "The logo may be at most {limitKb} kB.",
  LOGO_MISSING: "There is no logo yet.",
  LOGO_CHANGED: "Someone else has just replaced the logo; reload the page and try again.",
  ANNOUNCEMENT_SENT: "This announcement has been sent: it can only be pinned, unpinned or archived.",
  PUBLISH_AT_PAST: "The publishing time must be in the future.",
  PUBLISH_AT_REQUIRED: "Choose when to publish.",
  CONVERSATION_ANSWERED: "The management answered: {topic}",
  CONVERSATION_MANAGEMENT: "Management",
  CONVERSATION_ASSIGNEE: "This person does not answer the building's residents.",
  SURVEY_CLOSES_PAST: "The closing date must be in the future.",
  SURVEY_QUESTION_IDS: "Each question needs its own id.",
  SURVEY_ANSWER_REQUIRED: "Please answer this question.",
  SURVEY_ANSWER_INVALID: "This answer does not fit the question.",
  SURVEY_CLOSED: "The survey is closed.",
  SURVEY_UNIT_REQUIRED: "Choose the unit you answer for.",
  SURVEY_ANSWERED: "You have already answered this survey.",
  EMERGENCY_SUBJECT: "[EMERGENCY] {title}",
  NO_CONTACT: "No email, phone number or app account",
  SEND_FAILED: "Could not be sent after 3 attempts",
};

/** Entity names used inside messages. */
const entities: Record<Lang, Record<string, string>> = {
  vi: {
    building: "tòa nhà",
    company: "công ty",
    membership: "nhân sự",
    invitation: "lời mời",
    session: "phiên đăng nhập",
    device: "thiết bị",
    unit: "căn hộ",
    resident: "cư dân",
    vehicle: "phương tiện",
    fee_rule: "khoản phí",
    tariff: "biểu giá",
    meter_reading: "chỉ số công tơ",
    billing_run: "kỳ tính phí",
    invoice: "thông báo phí",
    payment: "khoản thanh toán",
    bank_account: "tài khoản ngân hàng",
    bank_transfer: "giao dịch chuyển khoản",
    announcement: "thông báo",
    resource: "dữ liệu",
  },
  en: {
    building: "Building",
    company: "Company",
    membership: "Staff member",
    invitation: "Invitation",
    session: "Session",
    device: "Device",
    unit: "Unit",
    resident: "Resident",
    vehicle: "Vehicle",
    fee_rule: "Fee rule",
    tariff: "Tariff",
    meter_reading: "Meter reading",
    billing_run: "Billing run",
    invoice: "Fee notice",
    payment: "Payment",
    bank_account: "Bank account",
    bank_transfer: "Bank transfer",
    announcement: "Announcement",
    resource: "Resource",
  },
};

const catalogs: Record<Lang, Catalog> = { vi, en };

export function message(lang: Lang, code: string, params: Record<string, unknown> = {}): string {
  const template = catalogs[lang][code] ?? catalogs.en[code] ?? code;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    if (k === "entity" && typeof v === "string") return entities[lang][v] ?? v;
    return v === undefined ? "" : String(v);
  });
}

export const hasMessage = (code: string): code is MessageCode => code in vi && code in en;

/** Accept-Language → vi | en (Vietnamese unless English is preferred). */
export function pickLang(header: string | undefined): Lang {
  if (!header) return "vi";
  for (const part of header.split(",")) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === "vi" || tag === "en") return tag;
  }
  return "vi";
}
