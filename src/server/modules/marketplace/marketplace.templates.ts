import { defineTemplate } from "../notifications/index.js";

export type OrderUpdate = {
  code: string;
  partner: string;
  status: "confirmed" | "on_the_way" | "delivered" | "cancelled" | "refunded" | "paid";
  amount: string;
  reason: string;
};

/** What became of a household's order: the partner's steps, a cancellation, the payment and a refund. */
export const orderUpdateTemplate = defineTemplate<OrderUpdate>({
  key: "marketplace.order-update",
  category: "orders",
  vi: (d) => {
    const text = {
      confirmed: `${d.partner} đã xác nhận đơn ${d.code}.`,
      on_the_way: `Đơn ${d.code} của ${d.partner} đang được giao đến bạn. Hãy đưa mã giao hàng khi nhận.`,
      delivered: `Đơn ${d.code} đã giao xong. Cảm ơn bạn! Hãy đánh giá đơn hàng trong ứng dụng.`,
      cancelled: `Đơn ${d.code} đã bị hủy${d.reason ? `: ${d.reason}` : ""}.`,
      refunded: `Đơn ${d.code} đã được hoàn tiền ${d.amount}.`,
      paid: `Đã nhận ${d.amount} thanh toán đơn ${d.code}. Biên nhận có trong ứng dụng.`,
    }[d.status];
    return { title: `Đơn hàng ${d.code}`, body: text, short: text };
  },
  en: (d) => {
    const text = {
      confirmed: `${d.partner} confirmed order ${d.code}.`,
      on_the_way: `Order ${d.code} from ${d.partner} is on its way. Show your delivery code when it arrives.`,
      delivered: `Order ${d.code} was delivered. Thank you! Rate it in the app.`,
      cancelled: `Order ${d.code} was cancelled${d.reason ? `: ${d.reason}` : ""}.`,
      refunded: `Order ${d.code} was refunded ${d.amount}.`,
      paid: `We received ${d.amount} for order ${d.code}. The receipt is in the app.`,
    }[d.status];
    return { title: `Order ${d.code}`, body: text, short: text };
  },
});

type NewJob = { code: string; unit: string; slot: string; date: string };

/** A new order for a partner's staff. */
export const newJobTemplate = defineTemplate<NewJob>({
  key: "marketplace.new-job",
  category: "orders",
  vi: (d) => {
    const text = `Đơn mới ${d.code}: căn ${d.unit}, giao ${d.slot} ngày ${d.date}.`;
    return { title: `Đơn mới ${d.code}`, body: text, short: text };
  },
  en: (d) => {
    const text = `New order ${d.code}: unit ${d.unit}, deliver ${d.slot} on ${d.date}.`;
    return { title: `New order ${d.code}`, body: text, short: text };
  },
});

export const marketplaceTemplates = [orderUpdateTemplate, newJobTemplate];
