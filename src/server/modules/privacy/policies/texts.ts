/**
 * The platform's own privacy policy and terms of use: the version every company starts from and shows
 * until it publishes its own (DESIGN §3; Law 91/2025/QH15, Decree 356/2025/ND-CP). Bodies are plain text
 * with `#`/`##` headings, `-` list items and blank-line paragraphs, the format the web renders.
 */

type Bilingual = { vi: string; en: string };

export type PlatformPolicy = {
  version: string;
  publishedAt: string;
  summary: Bilingual;
  body: Bilingual;
};

export const PLATFORM_POLICY_VERSION = "2026-11";

export const PLATFORM_POLICIES: Record<"privacy" | "terms", PlatformPolicy> = {
  privacy: {
    version: PLATFORM_POLICY_VERSION,
    publishedAt: "2026-11-25",
    summary: {
      vi: "Phiên bản đầu tiên theo Luật Bảo vệ dữ liệu cá nhân 2025: ai kiểm soát dữ liệu của bạn, dữ liệu nào được xử lý và vì sao, lưu trong bao lâu, và cách thực hiện quyền của bạn.",
      en: "First version under the 2025 Personal Data Protection Law: who controls your data, what is processed and why, how long it is kept, and how to use your rights.",
    },
    body: {
      vi: `# Chính sách bảo vệ dữ liệu cá nhân

Chính sách này cho bạn biết Chungcu lưu những dữ liệu cá nhân nào về bạn, để làm gì, ai được xem, lưu trong bao lâu và bạn thực hiện quyền của mình như thế nào. Chính sách tuân theo Luật Bảo vệ dữ liệu cá nhân (Luật số 91/2025/QH15) và Nghị định 356/2025/NĐ-CP. Chính sách áp dụng cho cư dân, thành viên hộ, khách thuê và mọi người dùng Chungcu tại tòa nhà.

## 1. Ai chịu trách nhiệm về dữ liệu của bạn

- Bên kiểm soát dữ liệu cá nhân là công ty quản lý vận hành tòa nhà nơi bạn ở. Công ty quyết định mục đích và cách thức xử lý dữ liệu, và là bên trả lời các yêu cầu của bạn. Khi bạn mở chính sách này từ ứng dụng, tên công ty hiện ở đầu trang.
- Đơn vị vận hành nền tảng Chungcu là bên xử lý dữ liệu cá nhân: lưu trữ và vận hành phần mềm theo chỉ dẫn của công ty quản lý, theo hợp đồng xử lý dữ liệu, và không dùng dữ liệu của bạn vào bất kỳ mục đích riêng nào.

## 2. Chúng tôi xử lý những dữ liệu nào

- Hồ sơ cư dân: họ và tên, số điện thoại, email, ngày sinh, số CCCD hoặc hộ chiếu (cần cho việc đăng ký tạm trú), quốc tịch, địa chỉ liên hệ, thông tin hộ (căn hộ, vai trò chủ hộ, khách thuê hay thành viên hộ, ngày chuyển đến và chuyển đi), phương tiện và biển số xe, thẻ ra vào và thẻ gửi xe.
- Thanh toán: thông báo phí, chỉ số công tơ của căn hộ, các khoản thanh toán và phiếu thu, số dư và công nợ, cài đặt tự động thanh toán. Thanh toán thẻ đi qua cổng thanh toán: chúng tôi chỉ giữ mã thay thế (token) và vài số cuối, không bao giờ lưu số thẻ. Dữ liệu tài chính là dữ liệu cá nhân nhạy cảm và được bảo vệ tương xứng.
- Bảo mật tài khoản: tên đăng nhập, bản băm của mật khẩu (không bao giờ lưu mật khẩu), các mã một lần đã gửi, thiết bị tin cậy và phiên đăng nhập (thiết bị, trình duyệt, lần dùng gần nhất).
- Nhật ký truy cập: địa chỉ IP, trình duyệt (user agent), ngôn ngữ, trang dẫn tới, địa chỉ được truy cập, thời điểm, và tài khoản của bạn nếu đã đăng nhập.
- Những gì bạn gửi: phản ánh, đặt chỗ tiện ích, yêu cầu và tin nhắn gửi Ban quản lý.

## 3. Mục đích xử lý và căn cứ pháp lý

- Thu phí dịch vụ và thanh toán: lập thông báo phí, nhận và đối soát thanh toán, theo dõi công nợ, xuất hóa đơn. Căn cứ: hợp đồng dịch vụ với bạn hoặc hộ của bạn, và pháp luật về kế toán.
- Bảo mật tài khoản: đăng nhập, mã một lần, bảo vệ tài khoản khỏi bị lạm dụng. Căn cứ: hợp đồng và nghĩa vụ bảo đảm an toàn dữ liệu theo luật.
- Vận hành tòa nhà: hồ sơ cư dân và phương tiện, thẻ, đăng ký tạm trú, thông báo, phản ánh và tiện ích. Căn cứ: hợp đồng; đăng ký tạm trú là nghĩa vụ theo luật.
- Giao nhận: để người giao hàng hoặc nhà cung cấp dịch vụ làm công việc bạn yêu cầu. Căn cứ: hợp đồng (theo yêu cầu của bạn).
- Tiếp thị và khảo sát: tin về dịch vụ, ưu đãi và khảo sát không cần cho việc vận hành tòa nhà. Căn cứ: chỉ khi bạn đồng ý.
- Phân tích sử dụng: đo lường tổng hợp cách ứng dụng được dùng để cải thiện ứng dụng. Căn cứ: chỉ khi bạn đồng ý.

Tiếp thị và phân tích sử dụng luôn tắt cho đến khi bạn bật. Sự đồng ý không bao giờ được đánh dấu sẵn và không bao giờ được suy ra từ việc im lặng; bạn có thể rút lại bất cứ lúc nào trong Trung tâm quyền riêng tư, dễ như khi đồng ý. Từ chối hay rút lại không ảnh hưởng đến dịch vụ bạn nhận. Trung tâm quyền riêng tư liệt kê những thông tin mà từng mục đích sử dụng.

## 4. Ai nhận dữ liệu của bạn

- Nhân viên công ty quản lý và Ban quản lý tòa nhà, mỗi người chỉ thấy những gì vai trò của họ cần. Số điện thoại, email, ngày sinh và số CCCD được hiển thị dạng che; mỗi lần mở xem đầy đủ đều được ghi lại và bạn xem được.
- Các bên xử lý làm việc cho công ty quản lý theo hợp đồng: cổng thanh toán VNPAY và ngân hàng cung cấp dữ liệu giao dịch chuyển khoản để xác nhận thanh toán; nhà cung cấp dịch vụ SMS và email để gửi mã và thông báo; nhà cung cấp hóa đơn điện tử.
- Người giao hàng và nhà cung cấp dịch vụ làm việc cho bạn: chỉ những thông tin tối thiểu công việc cần (ví dụ tên, căn hộ, số điện thoại đã che và khung giờ giao), và chỉ trong thời gian công việc diễn ra.
- Cơ quan nhà nước: chỉ khi có yêu cầu bằng văn bản nêu rõ căn cứ pháp lý, hoặc khi luật bắt buộc (như đăng ký tạm trú).

Mỗi lần dữ liệu được chia sẻ ra ngoài tòa nhà đều được ghi lại (thông tin gì, cho ai, vì sao, căn cứ nào) và bạn xem được trong Trung tâm quyền riêng tư. Dữ liệu cá nhân của bạn không bao giờ bị bán.

## 5. Lưu giữ trong bao lâu

- Dữ liệu được lưu trong thời gian bạn ở tòa nhà hoặc dùng ứng dụng, và sau đó chỉ lâu đến mức cần để quyết toán.
- Khi bạn yêu cầu xóa, dữ liệu được xóa trong vòng 5 ngày, trừ khi có lý do phải lưu giữ theo pháp luật: thông báo phí chưa thanh toán, tranh chấp đang giải quyết, hoặc thời hạn lưu trữ kế toán của hóa đơn và khoản thanh toán đã phát hành (10 năm, chỉ giữ thông tin nhận diện mà luật yêu cầu). Những gì không cần cho việc lưu giữ đó được xóa ngay; phần còn lại được giữ kèm lý do hiển thị cho bạn, và được xóa khi hết lý do.
- Nhật ký truy cập được lưu 12 tháng (mặc định) rồi xóa.
- Bản sao lưu được ghi đè theo chu kỳ cố định, nên dữ liệu đã xóa cũng mất khỏi bản sao lưu.

## 6. Quyền của bạn

- Được biết về việc xử lý dữ liệu của mình (chính sách này và Trung tâm quyền riêng tư).
- Đồng ý, và rút lại sự đồng ý bất cứ lúc nào.
- Xem toàn bộ dữ liệu đang lưu về mình, kể cả đã chia sẻ cho ai.
- Chỉnh sửa dữ liệu.
- Nhận bản sao dữ liệu (tệp máy đọc được và trang dễ đọc).
- Hạn chế xử lý hoặc phản đối xử lý.
- Yêu cầu xóa dữ liệu.
- Khiếu nại với công ty quản lý, với Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (Bộ Công an) hoặc khởi kiện ra tòa, và yêu cầu bồi thường theo quy định của pháp luật.

Cách thực hiện: trong ứng dụng, mở Tài khoản rồi Trung tâm quyền riêng tư; phần lớn yêu cầu chỉ cần vài thao tác. Bạn cũng có thể nhờ nhân viên chăm sóc khách hàng của Ban quản lý; họ xác minh đúng là bạn bằng mã một lần gửi tới email hoặc số điện thoại của bạn. Chúng tôi trả lời chậm nhất trong 30 ngày và thực hiện việc xóa trong vòng 5 ngày. Việc thực hiện quyền là miễn phí.

## 7. Chúng tôi bảo vệ dữ liệu như thế nào

- Số điện thoại, email, ngày sinh, số CCCD và biển số xe được mã hóa bằng khóa riêng của từng người. Khi dữ liệu của bạn bị xóa, khóa bị hủy, nên mọi bản còn sót lại, kể cả trong nhật ký và bản sao lưu, không thể đọc được nữa.
- Mật khẩu chỉ được lưu dưới dạng băm mạnh. Đăng nhập từ thiết bị mới cần mã một lần, và các thao tác nhạy cảm hỏi lại mật khẩu hoặc mã. Bạn có thể dùng thêm ứng dụng xác thực.
- Mọi thay đổi được ghi vào nhật ký kiểm toán chống sửa đổi. Quyền truy cập của nhân viên tùy theo vai trò, và dữ liệu của mỗi công ty được tách biệt với các công ty khác.
- Mọi kết nối đều được mã hóa (HTTPS).

## 8. Khi xảy ra sự cố lộ lọt dữ liệu

Nếu dữ liệu cá nhân bị mất, lộ lọt hoặc bị truy cập trái phép, công ty quản lý thông báo cho Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (Bộ Công an) trong vòng 72 giờ kể từ khi phát hiện, và báo cho cư dân bị ảnh hưởng trong vòng 72 giờ qua ứng dụng và email: chuyện gì đã xảy ra, dữ liệu nào, đã làm gì và bạn nên làm gì.

## 9. Cookie

Cho đến khi bạn lựa chọn, chúng tôi chỉ đặt những cookie mà ứng dụng không thể thiếu:

- cc_session: giữ trạng thái đăng nhập; bị xóa khi bạn đăng xuất.
- cc_csrf: bảo vệ biểu mẫu khỏi yêu cầu giả mạo từ trang web khác.
- cc_cookie_choice: ghi nhớ lựa chọn cookie của bạn trong một năm.

Ngôn ngữ bạn chọn được ghi nhớ trong bộ nhớ của trình duyệt (local storage). Phân tích sử dụng chỉ chạy khi bạn chọn "Đồng ý phân tích"; không có cookie quảng cáo. Bạn có thể đổi lựa chọn bất cứ lúc nào qua mục "Cài đặt cookie" ở cuối mỗi trang.

## 10. Trẻ em

Dữ liệu của thành viên hộ dưới 16 tuổi do cha mẹ hoặc người giám hộ cung cấp. Khi luật yêu cầu, trẻ từ đủ 7 tuổi cũng được hỏi ý kiến.

## 11. Thay đổi chính sách

Mỗi thay đổi được công bố thành một phiên bản mới, kèm ngày và tóm tắt những gì thay đổi; các phiên bản trước vẫn xem được. Thay đổi quan trọng, ví dụ khi công ty quản lý đổi chủ sở hữu, được thông báo qua email và trong ứng dụng, và bạn được đề nghị đọc và xác nhận khi mở ứng dụng lần tới. Một mục đích mới cần sự đồng ý sẽ không bao giờ được bật mà không hỏi bạn.

## 12. Liên hệ

Mọi vấn đề về dữ liệu của bạn, hãy liên hệ Ban quản lý tòa nhà (thông tin liên hệ có trong ứng dụng) hoặc dùng Trung tâm quyền riêng tư trong ứng dụng. Câu hỏi về chính nền tảng được công ty quản lý chuyển tới đơn vị vận hành.`,
      en: `# Privacy policy

This policy explains what personal data Chungcu holds about you, why, who sees it, how long it is kept and how you use your rights. It follows Vietnam's Law on Personal Data Protection (Law 91/2025/QH15) and Decree 356/2025/ND-CP. It applies to residents, household members, tenants and everyone else who uses Chungcu in a building.

## 1. Who is responsible for your data

- The controller is the management company that runs your building. It decides why and how your data is processed, and it answers your requests. When you open this policy from the app, the company's name is shown at the top.
- The operator of the Chungcu platform is a processor: it hosts and runs the software on the management company's instructions, under a data processing contract, and does not use your data for any purpose of its own.

## 2. What data we process

- Registry: full name, phone number, email, date of birth, ID card or passport number (needed for temporary-residence registration), nationality, contact address, your household (unit, role such as owner, tenant or member, move-in and move-out dates), vehicles and their number plates, access and parking cards.
- Billing: fee notices, meter readings of your unit, payments and receipts, credit and debts, auto-debit settings. Card payments go through the payment gateway: we keep only a token and the last digits, never the card number. Financial data is sensitive personal data and is protected as such.
- Account security: your sign-in identifier, a hash of your password (never the password itself), one-time codes sent to you, trusted devices and sessions (device, browser, time of last use).
- Access logs: IP address, browser (user agent), language, referring page, the address requested, time, and your account when you are signed in.
- What you send us: tickets, bookings, requests and messages to the management office.

## 3. Why we process it, and on what basis

- Service fees and billing: issuing fee notices, receiving and matching payments, tracking debts, issuing invoices. Basis: the service contract with you or your household, and accounting law.
- Account security: signing in, one-time codes, protecting accounts from misuse. Basis: the contract, and the legal duty to keep data secure.
- Building operations: the registry of residents and vehicles, cards, temporary-residence registration, announcements, tickets and amenities. Basis: the contract; residence registration is a legal obligation.
- Deliveries: letting a shipper or a service provider do a job you asked for. Basis: the contract (your request).
- Marketing and surveys: news about services, offers and surveys that running the building does not need. Basis: your consent only.
- Analytics: measuring, in aggregate, how the app is used so it can be improved. Basis: your consent only.

Marketing and analytics stay off until you turn them on. Consent is never pre-ticked and never read from silence; you can withdraw it at any time in the privacy center, as easily as you gave it. Refusing or withdrawing changes nothing in the services you receive. The privacy center lists, for each purpose, the fields it uses.

## 4. Who receives your data

- Staff of the management company and the building office, each seeing only what their role needs. Phone, email, date of birth and ID number are shown masked; opening them in full is recorded and shown to you.
- Processors working for the management company under contract: the payment gateway VNPAY and the bank whose transfer feed confirms payments; SMS and email providers that deliver codes and notices; e-invoice providers.
- Shippers and service providers doing a job for you: only the minimum the job needs (for example your first name, unit, a masked phone number and the delivery window), and only while the job lasts.
- State agencies: only on a written request that states its legal basis, or where the law requires it (such as temporary-residence registration).

Every disclosure outside the building is recorded (what, to whom, why, on what basis) and you can see it in the privacy center. Your personal data is never sold.

## 5. How long we keep it

- Your data is kept while you live in the building or use the app, and afterwards only as long as needed to settle accounts.
- When you ask for erasure, it is carried out within 5 days, unless a legal hold applies: unpaid fee notices, an open dispute, or the accounting retention of issued invoices and payments (10 years, keeping only the identity the law requires). Whatever the hold does not need is erased; the rest is kept with the reason shown to you, and erased when the hold ends.
- Access logs are kept for 12 months by default, then deleted.
- Backups are overwritten on a fixed cycle, so erased data leaves them too.

## 6. Your rights

- To be informed about how your data is processed (this policy and the privacy center).
- To give consent, and to withdraw it at any time.
- To see all data held about you, including what was disclosed to whom.
- To correct your data.
- To get a copy of it (a machine-readable file and a readable page).
- To restrict processing or object to it.
- To have your data erased.
- To complain to the management company, to the Department of Cybersecurity and High-Tech Crime Prevention (Ministry of Public Security), or to a court, and to claim damages as the law provides.

How to use them: in the app, open Account, then the privacy center, where most requests take a few taps. You can also ask the customer care staff of the management office; they confirm it is you with a one-time code sent to your email or phone. We answer within 30 days at most, and carry out an erasure within 5 days. Using your rights is free.

## 7. How we protect your data

- Phone number, email, date of birth, ID number and number plates are encrypted with a key of your own. When your data is erased the key is destroyed, so every remaining copy, including in logs and backups, becomes unreadable.
- Passwords are stored only as a strong hash. Signing in from a new device needs a one-time code, and sensitive actions ask for your password or a code again. You can add an authenticator app.
- Every change is written to a tamper-evident audit log. Staff access depends on their role, and each company's data is kept apart from other companies'.
- All connections are encrypted (HTTPS).

## 8. If a data breach happens

If personal data is lost, leaked or accessed without permission, the management company notifies the Department of Cybersecurity and High-Tech Crime Prevention of the Ministry of Public Security within 72 hours of discovering it, and tells the affected residents within 72 hours, in the app and by email: what happened, which data, what has been done and what you can do.

## 9. Cookies

Until you choose, we set only the cookies the app cannot work without:

- cc_session: keeps you signed in; deleted when you sign out.
- cc_csrf: protects forms against requests forged by other websites.
- cc_cookie_choice: remembers your cookie choice for one year.

Your language is remembered in the browser's local storage. Analytics run only if you choose "Accept analytics"; there are no advertising cookies. You can change your choice at any time through "Cookie settings" at the bottom of every page.

## 10. Children

Data about household members under 16 is provided by their parent or guardian. Where the law requires it, a child aged 7 or over is asked as well.

## 11. Changes to this policy

Each change is published as a new version with its date and a summary of what changed; earlier versions stay readable. An important change, for example when the management company gets a new owner, is announced by email and in the app, and you are asked to read and acknowledge it when you next open the app. A new purpose that needs consent is never switched on without asking you.

## 12. Contact

For anything about your data, contact the management office of your building (its contacts are in the app) or use the privacy center in the app. Questions about the platform itself are passed on by the management company to the operator.`,
    },
  },
  terms: {
    version: PLATFORM_POLICY_VERSION,
    publishedAt: "2026-11-25",
    summary: {
      vi: "Phiên bản đầu tiên: cách dùng ứng dụng, tài khoản, thanh toán phí (VietQR, thẻ, tự động thanh toán), trách nhiệm của các bên và luật áp dụng.",
      en: "First version: using the app, accounts, paying fees (VietQR, card, auto-debit), each side's responsibilities and the governing law.",
    },
    body: {
      vi: `# Điều khoản sử dụng

Điều khoản này áp dụng cho việc sử dụng Chungcu, ứng dụng mà công ty quản lý tòa nhà của bạn dùng để phục vụ cư dân và vận hành công việc. Dịch vụ do công ty quản lý cung cấp; phần mềm do đơn vị vận hành nền tảng Chungcu vận hành thay cho công ty. Khi nhận lời mời hoặc đăng nhập, bạn chấp nhận các điều khoản này.

## 1. Dịch vụ

- Cư dân dùng Chungcu để xem và thanh toán thông báo phí, theo dõi thông báo của Ban quản lý, quản lý thông tin hộ và phương tiện, gửi phản ánh, đặt chỗ tiện ích, đăng ký dịch vụ và thực hiện quyền về dữ liệu cá nhân.
- Công ty quản lý dùng Chungcu để quản lý hồ sơ cư dân, thu phí, ghi nhận thanh toán, trả lời phản ánh và gửi thông báo.
- Một số tính năng chỉ có khi công ty quản lý bật, nên không phải tòa nhà nào cũng có đủ.

## 2. Tài khoản của bạn

- Tài khoản là của riêng từng người: mỗi người một tài khoản, được tạo qua lời mời của công ty quản lý.
- Giữ kín mật khẩu và mã một lần. Ban quản lý và Chungcu không bao giờ hỏi bạn những thông tin này.
- Giữ thông tin của bạn đúng và cập nhật, và báo ngay cho Ban quản lý nếu bạn nghĩ có người khác đã dùng tài khoản của mình. Bạn có thể đăng xuất các thiết bị khác ở trang phiên đăng nhập trong tài khoản.

## 3. Phí và thanh toán

- Thông báo phí do công ty quản lý phát hành theo biểu phí của tòa nhà và hợp đồng dịch vụ. Thắc mắc về số tiền, hãy gửi phản ánh hoặc liên hệ trực tiếp Ban quản lý.
- Chuyển khoản VietQR: thông báo phí có mã QR gồm tài khoản nhận, số tiền và nội dung chuyển khoản. Giữ nguyên nội dung để khoản thanh toán được tự động đối soát với thông báo phí; chuyển khoản thiếu nội dung có thể phải đối soát thủ công.
- Thanh toán thẻ đi qua cổng thanh toán VNPAY. Thông tin thẻ được nhập trên trang của cổng thanh toán; Chungcu không bao giờ thấy hay lưu số thẻ.
- Tự động thanh toán: nếu bạn bật, thông báo phí mới được trừ vào thẻ đã lưu khi phát hành. Bạn được báo sau mỗi lần trừ tiền và có thể tắt tự động thanh toán bất cứ lúc nào.
- Tiền được chuyển thẳng vào tài khoản ngân hàng của công ty quản lý; nền tảng không giữ tiền của bạn. Mỗi khoản thanh toán đều có phiếu thu.
- Nếu bạn cho rằng một khoản thanh toán bị sai hoặc chưa được ghi nhận, hãy gửi phản ánh kèm thông tin chuyển khoản; Ban quản lý sẽ kiểm tra với ngân hàng.

## 4. Trách nhiệm của bạn

- Cung cấp thông tin đúng, và cập nhật thông tin hộ và phương tiện khi có thay đổi.
- Đăng ký tạm trú khi pháp luật yêu cầu.
- Chỉ nhập dữ liệu của người khác (thành viên hộ, khách thuê) khi bạn có quyền làm vậy, và cho họ biết về chính sách bảo vệ dữ liệu cá nhân.
- Sử dụng ứng dụng đúng pháp luật: không tìm cách xem dữ liệu của người khác, không gây gián đoạn dịch vụ, không vượt qua các biện pháp bảo mật, không gửi nội dung trái pháp luật hoặc xúc phạm.
- Thanh toán phí đúng hạn theo hợp đồng dịch vụ.

## 5. Trách nhiệm của công ty quản lý

- Vận hành dịch vụ tòa nhà và việc thu phí, trả lời phản ánh và yêu cầu trong thời hạn đã công bố, và giữ dữ liệu của bạn như chính sách bảo vệ dữ liệu cá nhân mô tả.
- Báo trước cho bạn những thay đổi có ảnh hưởng đến bạn.

## 6. Tính sẵn sàng

Chúng tôi cố gắng để ứng dụng luôn hoạt động, nhưng việc bảo trì hoặc sự cố của mạng, ngân hàng hay cổng thanh toán có thể làm gián đoạn. Bảo trì theo kế hoạch được báo trước khi có thể. Bạn luôn có thể thanh toán bằng chuyển khoản vào tài khoản ghi trên thông báo phí.

## 7. Trách nhiệm pháp lý

- Công ty quản lý chịu trách nhiệm về dịch vụ tòa nhà, thông báo phí và việc xử lý dữ liệu của bạn.
- Công ty quản lý và đơn vị vận hành nền tảng không chịu trách nhiệm về thiệt hại do sự kiện ngoài khả năng kiểm soát hợp lý, hoặc do dịch vụ của ngân hàng, cổng thanh toán hay nhà mạng gây ra, trừ trường hợp pháp luật quy định khác.
- Không điều khoản nào ở đây hạn chế quyền của bạn theo Luật Bảo vệ quyền lợi người tiêu dùng, hay trách nhiệm mà pháp luật không cho phép hạn chế.

## 8. Tạm khóa và chấm dứt

- Tài khoản có thể bị tạm khóa nếu bị dùng trái với điều khoản này hoặc pháp luật, hoặc để bảo vệ cư dân khác; bạn sẽ được báo lý do.
- Quyền truy cập của cư dân chấm dứt khi bạn chuyển đi; dữ liệu của bạn sau đó được lưu và xóa như chính sách bảo vệ dữ liệu cá nhân quy định. Bạn có thể yêu cầu xóa bất cứ lúc nào trong Trung tâm quyền riêng tư.

## 9. Dữ liệu cá nhân

Cách dữ liệu cá nhân của bạn được xử lý và các quyền của bạn được nêu trong chính sách bảo vệ dữ liệu cá nhân, là một phần của điều khoản này.

## 10. Thay đổi điều khoản

Thay đổi được công bố thành phiên bản mới kèm ngày và tóm tắt. Thay đổi quan trọng được thông báo qua email và trong ứng dụng, và bạn được đề nghị đọc và xác nhận.

## 11. Luật áp dụng và giải quyết tranh chấp

Điều khoản này tuân theo pháp luật Việt Nam. Tranh chấp trước hết được giải quyết bằng thương lượng với công ty quản lý; nếu không thành, tranh chấp được đưa ra tòa án có thẩm quyền của Việt Nam.

## 12. Liên hệ

Hãy liên hệ Ban quản lý tòa nhà của bạn; thông tin liên hệ có trong ứng dụng.`,
      en: `# Terms of use

These terms govern the use of Chungcu, the app through which the management company of your building serves its residents and runs its work. The service is provided by the management company; the software is run by the operator of the Chungcu platform on its behalf. By accepting an invitation or signing in, you accept these terms.

## 1. The service

- Residents use Chungcu to see fee notices and pay them, follow announcements, manage their household and vehicles, send tickets, book amenities, register services and use their privacy rights.
- The management company uses it to keep the registry, bill fees, record payments, answer tickets and announce news.
- Some features depend on the management company turning them on, so not every building offers all of them.

## 2. Your account

- An account is personal: one per person. You get it through an invitation from the management company.
- Keep your password and one-time codes to yourself. Nobody from the management office or Chungcu will ever ask for them.
- Keep your details correct and up to date, and tell the management office at once if you think someone else used your account. You can sign out other devices in your account's sessions page.

## 3. Fees and payments

- Fee notices are issued by the management company according to the building's fee rules and the service contract. Questions about an amount go to the management office, through a ticket or in person.
- VietQR transfers: the notice shows a QR code with the account, the amount and the transfer content. Keep the content unchanged so the payment is matched to your notice automatically; a transfer without it may have to be matched by hand.
- Card payments go through the payment gateway VNPAY. Your card details are entered on the gateway's page; Chungcu never sees or stores the card number.
- Auto-debit: if you turn it on, new notices are charged to the saved card when they are issued. You are told of each charge, and you can turn auto-debit off at any time.
- Payments go straight to the management company's bank account; the platform never holds your money. A receipt is issued for each payment.
- If you think a payment is wrong or missing, send a ticket with the transfer details; the management office checks it with the bank.

## 4. What we ask of you

- Give correct information, and update your household and vehicles when they change.
- Register temporary residence where the law requires it.
- Only enter data about other people (household members, tenants) when you are entitled to, and tell them about this policy.
- Use the app lawfully: do not try to see other people's data, disturb the service, get around its security or send unlawful or offensive content.
- Pay fees on time under your service contract.

## 5. What the management company does

- Runs the building services and the billing, answers tickets and requests within the times it announces, and keeps your data as the privacy policy describes.
- Gives you notice of changes that affect you.

## 6. Availability

We aim to keep the app available at all times, but maintenance or failures of networks, banks or the gateway can interrupt it. Planned maintenance is announced in advance where possible. Paying by transfer to the account on your notice always remains possible.

## 7. Liability

- The management company is responsible for the building services, the fee notices and the handling of your data.
- Neither the management company nor the platform operator is liable for losses caused by events beyond their reasonable control, or by services of banks, the payment gateway or network providers, except as the law provides.
- Nothing in these terms limits your rights as a consumer under the Law on Protection of Consumers' Rights, or any liability the law does not allow to be limited.

## 8. Suspension and closing

- An account may be suspended if it is used against these terms or the law, or to protect other residents; you are told why.
- Your resident access ends when you move out; your data is then kept and erased as the privacy policy says. You can ask for erasure at any time in the privacy center.

## 9. Personal data

How your personal data is processed, and your rights, are set out in the privacy policy, which is part of these terms.

## 10. Changes to these terms

Changes are published as a new version with a date and a summary. Important changes are announced by email and in the app, and you are asked to read and acknowledge them.

## 11. Governing law and disputes

These terms are governed by the law of Vietnam. A dispute is first settled by negotiation with the management company; if that fails, it goes to a competent court of Vietnam.

## 12. Contact

Contact the management office of your building; its contacts are in the app.`,
    },
  },
};
