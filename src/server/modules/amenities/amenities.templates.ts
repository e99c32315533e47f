import { defineTemplate } from "../notifications/index.js";

type Slot = { amenity: string; when: string };

/** A cancellation freed the slot the household was waiting for: it is theirs now. */
export const promotedTemplate = defineTemplate<Slot>({
  key: "amenities.promoted",
  category: "building",
  vi: (d) => ({
    title: `Bạn đã có chỗ: ${d.amenity}`,
    body: `Có người hủy nên lượt chờ của bạn đã thành lượt đặt ${d.amenity} lúc ${d.when}. Mở ứng dụng để xem mã vào cửa.`,
    short: `Bạn đã có chỗ ${d.amenity} lúc ${d.when}.`,
  }),
  en: (d) => ({
    title: `You have a place: ${d.amenity}`,
    body: `Someone cancelled, so your waitlist place became a booking of ${d.amenity} at ${d.when}. The check-in code is in the app.`,
    short: `You have a place at ${d.amenity}, ${d.when}.`,
  }),
});

/** The management cancelled the booking (the amenity closed, or another reason). */
export const cancelledTemplate = defineTemplate<Slot & { reason: string }>({
  key: "amenities.cancelled",
  category: "building",
  vi: (d) => ({
    title: `Lượt đặt ${d.amenity} lúc ${d.when} đã bị hủy`,
    body: `Ban quản lý đã hủy lượt đặt của bạn: ${d.reason}. Phí và tiền cọc (nếu có) không bị tính.`,
  }),
  en: (d) => ({
    title: `Your booking of ${d.amenity} at ${d.when} was cancelled`,
    body: `The management cancelled your booking: ${d.reason}. Any fee and deposit are not charged.`,
  }),
});

/** What became of the deposit once the slot was over. */
export const depositTemplate = defineTemplate<Slot & { outcome: "refund" | "keep"; reason: string }>({
  key: "amenities.deposit",
  category: "billing",
  vi: (d) => ({
    title:
      d.outcome === "refund"
        ? `Tiền cọc ${d.amenity} được hoàn lại`
        : `Tiền cọc ${d.amenity} không được hoàn`,
    body:
      d.outcome === "refund"
        ? `Tiền cọc lượt ${d.amenity} lúc ${d.when} được hoàn vào thông báo phí kế tiếp của căn hộ.`
        : `Ban quản lý giữ tiền cọc lượt ${d.amenity} lúc ${d.when}: ${d.reason}.`,
  }),
  en: (d) => ({
    title:
      d.outcome === "refund" ? `Your ${d.amenity} deposit is refunded` : `Your ${d.amenity} deposit is kept`,
    body:
      d.outcome === "refund"
        ? `The deposit for ${d.amenity} at ${d.when} comes back on the unit's next fee notice.`
        : `The management kept the deposit for ${d.amenity} at ${d.when}: ${d.reason}.`,
  }),
});

export const amenityTemplates = [promotedTemplate, cancelledTemplate, depositTemplate];
