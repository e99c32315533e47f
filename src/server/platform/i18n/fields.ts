import type { Lang } from "../../../contracts/common.js";

type Issue = { code?: string; minimum?: unknown; maximum?: unknown; origin?: unknown; message?: string };

/** A short message for one invalid field, from the zod issue, in the caller's language. */
export function fieldMessage(lang: Lang, issue: Issue | undefined): string {
  const vi = lang === "vi";
  const unit = issue?.origin === "string" ? (vi ? " ký tự" : " characters") : "";
  switch (issue?.code) {
    case "invalid_type":
      return issue.message?.endsWith("received undefined")
        ? vi
          ? "Bắt buộc nhập."
          : "Required."
        : vi
          ? "Sai kiểu dữ liệu."
          : "Wrong type.";
    case "too_small":
      return vi ? `Tối thiểu ${issue.minimum}${unit}.` : `At least ${issue.minimum}${unit}.`;
    case "too_big": {
      // Large numbers (money: 10^12 đ) are written as people read them, 1.000.000.000.000.
      const max =
        typeof issue.maximum === "number" || typeof issue.maximum === "bigint"
          ? new Intl.NumberFormat(vi ? "vi-VN" : "en-US").format(issue.maximum)
          : issue.maximum;
      return vi ? `Tối đa ${max}${unit}.` : `At most ${max}${unit}.`;
    }
    case "invalid_format":
      return vi ? "Sai định dạng." : "Wrong format.";
    case "invalid_text":
      return vi
        ? "Có ký tự điều khiển không được phép."
        : "Contains control characters, which are not allowed.";
    case "unrecognized_keys":
      return vi ? "Có trường không được phép." : "Unknown fields.";
    default:
      return vi ? "Giá trị không hợp lệ." : "Invalid value.";
  }
}
