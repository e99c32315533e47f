import { Alert } from "@mantine/core";
import type { ReactNode } from "react";
import { ApiError } from "../api.js";
import { i18n } from "../i18n.js";

/** Client-side checks; the server checks everything again and answers in the same language. */
export const required = (value: string) => (value.trim() ? null : i18n.t("validation.required"));
export const newPassword = (value: string) =>
  value.length >= 8 && /\p{L}/u.test(value) && /\d/.test(value) ? null : i18n.t("validation.passwordLength");
export const sixDigits = (value: string) => (/^\d{6}$/.test(value.trim()) ? null : i18n.t("validation.code"));

/** Puts a 400's field messages on the form's fields; what was typed stays. */
export function showFieldErrors(
  form: { setErrors: (errors: Record<string, ReactNode>) => void },
  error: unknown,
) {
  if (error instanceof ApiError) form.setErrors(error.fieldErrors);
}

function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : i18n.t("errors.generic");
}

/** The server's message for a failed request, announced to screen readers. */
export function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {errorMessage(error)}
    </Alert>
  );
}
