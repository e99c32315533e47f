import type { Text } from "./purposes.js";

/**
 * The exact sentence a person agrees to when ticking a consent box, recorded with the consent. It names
 * the data, the purpose, the controller and the way back out, so that the consent is informed (Law
 * 91/2025/QH15). The web's sign-up form shows the same sentences (locales: invite.consent).
 */
export const CONSENT_WORDING: Record<"marketing" | "analytics", Text> = {
  marketing: {
    vi: "Tôi đồng ý để công ty quản lý vận hành tòa nhà của tôi (bên kiểm soát dữ liệu cá nhân) dùng họ tên, số điện thoại, email và căn hộ của tôi để gửi tin về dịch vụ, ưu đãi và khảo sát ý kiến qua ứng dụng, email hoặc SMS. Tôi có thể rút lại sự đồng ý bất cứ lúc nào trong Trung tâm quyền riêng tư của ứng dụng.",
    en: "I agree that the management company running my building (the controller of my personal data) may use my name, phone number, email and unit to send me news about services, offers and surveys through the app, by email or by SMS. I can withdraw this consent at any time in the app's privacy center.",
  },
  analytics: {
    vi: "Tôi đồng ý để công ty quản lý vận hành tòa nhà của tôi (bên kiểm soát dữ liệu cá nhân) ghi nhận cách tôi dùng ứng dụng (trang đã mở, thời điểm, loại thiết bị và trình duyệt) để thống kê tổng hợp và cải thiện ứng dụng, không dùng cho tiếp thị. Tôi có thể rút lại sự đồng ý bất cứ lúc nào trong Trung tâm quyền riêng tư của ứng dụng.",
    en: "I agree that the management company running my building (the controller of my personal data) may record how I use the app (pages opened, times, device and browser type) for aggregated statistics that improve the app, never for marketing. I can withdraw this consent at any time in the app's privacy center.",
  },
};

/** The sentence each consent purpose records, in a language (shown before anyone gives it, e.g. at sign-up). */
export const consentWording = (lang: "vi" | "en") => ({
  marketing: CONSENT_WORDING.marketing[lang],
  analytics: CONSENT_WORDING.analytics[lang],
});
