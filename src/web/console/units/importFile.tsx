import { Button, Group, Input } from "@mantine/core";
import type { UseMutationResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api.js";
import { FormError } from "../../components/forms.js";
import type { ImportError } from "./ImportErrorTable.js";
import classes from "./units.module.css";

/** What the imports take: an .xlsx workbook or a CSV sheet. */
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const isCsv = (file: File) => file.name.toLowerCase().endsWith(".csv");
export const isAccepted = (file: File) => /\.(xlsx|csv)$/i.test(file.name);

/** A bad cell with its stable code, as the server reports it (422 IMPORT_INVALID). */
export type ReportedError = ImportError & { code: string };
export type ImportReport = { count: number; errors: ReportedError[] };

/** The bad cells an import was refused for, or null when it failed otherwise. */
export function importReportOf(error: unknown): ImportReport | null {
  if (!(error instanceof ApiError) || error.code !== "IMPORT_INVALID") return null;
  const errors = Array.isArray(error.details.errors) ? (error.details.errors as ReportedError[]) : [];
  const count = typeof error.details.count === "number" ? error.details.count : errors.length;
  return { count, errors };
}

/**
 * The start of an import dialog: the template to download, then the file to choose (the field takes focus when
 * the dialog opens).
 */
export function ImportFileInput(props: {
  id: string;
  templateLabel: string;
  template: UseMutationResult<void, Error, void>;
  label: string;
  hint: string;
  error: string | null;
  disabled: boolean;
  onChoose: (file: File | null) => void;
}) {
  const { id, error } = props;
  return (
    <>
      <Group gap="xs">
        <Button
          variant="light"
          size="compact-sm"
          loading={props.template.isPending}
          onClick={() => props.template.mutate()}
        >
          {props.templateLabel}
        </Button>
      </Group>
      <FormError error={props.template.error} />
      <Input.Wrapper
        label={props.label}
        description={props.hint}
        error={error}
        id={id}
        labelProps={{ htmlFor: id }}
      >
        <input
          id={id}
          type="file"
          accept={`.xlsx,.csv,text/csv,${XLSX_TYPE}`}
          className={classes.fileInput}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : `${id}-description`}
          disabled={props.disabled}
          onChange={(event) => props.onChoose(event.currentTarget.files?.[0] ?? null)}
          data-autofocus
        />
      </Input.Wrapper>
    </>
  );
}

/**
 * An import dialog's buttons: Close once the file is in; before that Cancel, Check (a dry run, the submit
 * button) and, once a check passed, the button that writes the file.
 */
export function ImportActions({
  done,
  checked,
  checking,
  writing,
  canWrite,
  onWrite,
  onClose,
  checkLabel,
  writeLabel,
}: {
  done: boolean;
  /** A dry run has passed and the file is still chosen. */
  checked: boolean;
  checking: boolean;
  writing: boolean;
  canWrite: boolean;
  onWrite: () => void;
  onClose: () => void;
  checkLabel: string;
  writeLabel: string;
}) {
  const { t } = useTranslation();
  if (done) {
    return (
      <Group justify="flex-end">
        <Button onClick={onClose}>{t("common.close")}</Button>
      </Group>
    );
  }
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onClose}>
        {t("common.cancel")}
      </Button>
      <Button type="submit" variant={checked ? "default" : "filled"} loading={checking} disabled={writing}>
        {checkLabel}
      </Button>
      {checked && (
        <Button loading={writing} disabled={!canWrite} onClick={onWrite}>
          {writeLabel}
        </Button>
      )}
    </Group>
  );
}
