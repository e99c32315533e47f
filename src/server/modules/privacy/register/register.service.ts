import type { Lang } from "../../../../contracts/common.js";
import type { ProcessingRegister, Purpose } from "../../../../contracts/privacy.js";
import { audit } from "../../../platform/audit/audit.service.js";
import type { Ctx } from "../../../platform/context.js";
import { personalFields } from "../../../platform/privacy/personal-data.js";
import { PURPOSES, PURPOSES_VERSION } from "../../../platform/privacy/purposes.js";
import { companyLetterhead } from "../../companies/index.js";
import { renderRegisterDossier } from "../documents/register.pdf.js";
import { registerCounts } from "./counts.js";

type Text = { vi: string; en: string };

/** Who receives each purpose's data besides the building's staff. */
const RECIPIENTS: Record<Purpose, Text[]> = {
  billing: [
    {
      vi: "Ngân hàng nhận chuyển khoản và dịch vụ đối soát (SePay)",
      en: "The receiving bank and the reconciliation feed (SePay)",
    },
    {
      vi: "Cổng thanh toán VNPAY (thẻ, tự động thanh toán)",
      en: "The VNPAY payment gateway (cards, auto-debit)",
    },
    { vi: "Nhà cung cấp hóa đơn điện tử", en: "The e-invoice provider" },
  ],
  account_security: [
    { vi: "Nhà cung cấp email và SMS (gửi mã một lần)", en: "Email and SMS providers (one-time codes)" },
  ],
  building_operations: [
    {
      vi: "Cơ quan nhà nước khi có văn bản yêu cầu (đăng ký tạm trú, điều tra)",
      en: "State agencies on a written request (residence registration, investigations)",
    },
  ],
  deliveries: [
    {
      vi: "Đơn vị giao hàng, nhà cung cấp dịch vụ — chỉ trường tối thiểu, trong thời gian thực hiện",
      en: "Shippers and service providers — minimum fields, while the job lasts",
    },
  ],
  marketing: [
    { vi: "Không chia sẻ ra ngoài; không bán dữ liệu", en: "Not shared outside; data is never sold" },
  ],
  analytics: [
    { vi: "Chỉ số liệu tổng hợp, ẩn ô dưới 5 người", en: "Aggregates only, cells under 5 people suppressed" },
  ],
};

const SAFEGUARDS: Text[] = [
  {
    vi: "Mã hóa AES-256-GCM số điện thoại, email, ngày sinh, số giấy tờ, biển số bằng khóa riêng từng người; hủy khóa khi xóa",
    en: "AES-256-GCM encryption of phone, email, date of birth, ID number and plate with a per-person key, destroyed on erasure",
  },
  {
    vi: "Phân quyền theo vai trò và tòa nhà; tách dữ liệu giữa các công ty bằng row-level security",
    en: "Role- and building-based permissions; companies kept apart by row-level security",
  },
  {
    vi: "Nhật ký kiểm toán chuỗi băm, nhật ký xem dữ liệu và nhật ký chia sẻ",
    en: "Hash-chained audit log, reveal trail and disclosure log",
  },
  {
    vi: "Mật khẩu argon2id, mã một lần, phiên có thể thu hồi",
    en: "argon2id passwords, one-time codes, revocable sessions",
  },
];

const t = (x: Text, lang: Lang) => x[lang];

/** The processing register, generated from the purpose and field registries and the configured processors. */
export async function processingRegister(ctx: Ctx): Promise<ProcessingRegister> {
  const { lang, platform } = ctx;
  const company = await companyLetterhead(ctx);
  const config = platform.config;
  const purposes = Object.keys(PURPOSES) as Purpose[];
  const catalog = [...personalFields(platform).values()];
  return {
    version: PURPOSES_VERSION,
    generatedAt: new Date().toISOString(),
    controller: {
      name: company.name,
      taxCode: company.taxCode,
      address: company.address,
      hotline: company.hotline,
      email: company.email,
    },
    entries: purposes.map((purpose) => {
      const fields = catalog.filter((info) => info.purposes.includes(purpose));
      return {
        purpose,
        name: PURPOSES[purpose][lang],
        basis: PURPOSES[purpose].basis,
        fields: fields.map((info) => ({
          field: info.key,
          label: info.label[lang],
          sensitive: info.sensitive ?? false,
        })),
        recipients: RECIPIENTS[purpose].map((r) => t(r, lang)),
        retention: [...new Set(fields.map((info) => info.retention[lang]))],
        safeguards: SAFEGUARDS.map((s) => t(s, lang)),
      };
    }),
    processors: [
      {
        name: "SMTP",
        role: lang === "en" ? "Email delivery" : "Gửi email",
        data: "email",
        configured: Boolean(config.smtpUrl),
      },
      {
        name: "SMS brandname",
        role: lang === "en" ? "SMS delivery" : "Gửi SMS",
        data: lang === "en" ? "phone" : "số điện thoại",
        configured: Boolean(config.sms),
      },
      {
        name: "VNPAY",
        role: lang === "en" ? "Card payments" : "Thanh toán thẻ",
        data: lang === "en" ? "notice code, amount, card token" : "mã thông báo phí, số tiền, mã thẻ",
        configured: config.gateway?.kind === "vnpay",
      },
      {
        name: "SePay",
        role: lang === "en" ? "Bank transfer feed" : "Đối soát chuyển khoản",
        data: lang === "en" ? "transfer memo, amount" : "nội dung chuyển khoản, số tiền",
        configured: Boolean(config.bankFeed.apiKey || config.bankFeed.hmacSecret),
      },
      {
        name: lang === "en" ? "E-invoice provider" : "Nhà cung cấp hóa đơn điện tử",
        role: lang === "en" ? "Legal VAT invoices" : "Hóa đơn GTGT điện tử",
        data: lang === "en" ? "buyer name, address, amounts" : "tên, địa chỉ người mua, số tiền",
        configured: false,
      },
    ],
    counts: await registerCounts(ctx),
  };
}

/** The impact-assessment dossier the company keeps (DESIGN §3), as a PDF. */
export async function registerDossier(ctx: Ctx) {
  const register = await processingRegister(ctx);
  await audit(ctx, { action: "privacy.register_export", entity: "company", entityId: ctx.companyId });
  return renderRegisterDossier(register, ctx.lang);
}
