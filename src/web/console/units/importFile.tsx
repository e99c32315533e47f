import { Button, Group, Input, Stack, Text, UnstyledButton } from "@mantine/core";
import type { UseMutationResult } from "@tanstack/react-query";
import { useRef, useState } from "react";
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

/** A file's size as people read it: 12 kB, 3,4 MB. */
function fileSize(bytes: number, lang: string): string {
  const unit = bytes >= 1024 * 1024 ? "MB" : "kB";
  const value = bytes / (unit === "MB" ? 1024 * 1024 : 1024);
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(Math.max(value, 0.1))} ${unit}`;
}

/**
 * Where the file goes: dropped on the zone, or chosen by clicking it (or Enter / Space on it, as on any button).
 * It names the file chosen; a file of the wrong type is handed on too, for the dialog to refuse with its
 * message. Built from Mantine's primitives (@mantine/dropzone needs Node 22).
 */
function FileDropZone(props: {
  id: string;
  labelId: string;
  describedBy: string;
  file: File | null;
  invalid: boolean;
  disabled: boolean;
  onChoose: (file: File | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const open = () => {
    if (!props.disabled) input.current?.click();
  };
  const { file } = props;
  return (
    <>
      <UnstyledButton
        id={props.id}
        className={classes.dropZone}
        data-over={over || undefined}
        data-invalid={props.invalid || undefined}
        data-disabled={props.disabled || undefined}
        aria-labelledby={`${props.labelId} ${props.id}-state`}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid || undefined}
        disabled={props.disabled}
        onClick={open}
        onDragEnter={(event) => {
          event.preventDefault();
          if (!props.disabled) setOver(true);
        }}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = props.disabled ? "none" : "copy";
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(event) => {
          event.preventDefault();
          setOver(false);
          if (!props.disabled) props.onChoose(event.dataTransfer.files[0] ?? null);
        }}
        data-autofocus
      >
        <Stack gap={4} align="center">
          <Text size="sm" fw={600} id={`${props.id}-state`}>
            {file ? t("importFile.chosen", { name: file.name }) : t("importFile.drop")}
          </Text>
          <Text size="xs" c="dimmed">
            {file
              ? t("importFile.chosenHint", { size: fileSize(file.size, i18n.language) })
              : t("importFile.dropHint")}
          </Text>
        </Stack>
      </UnstyledButton>
      <input
        ref={input}
        type="file"
        hidden
        tabIndex={-1}
        accept={`.xlsx,.csv,text/csv,${XLSX_TYPE}`}
        onChange={(event) => {
          props.onChoose(event.currentTarget.files?.[0] ?? null);
          // Choosing the same file again after fixing it must still count as a choice.
          event.currentTarget.value = "";
        }}
      />
    </>
  );
}

/**
 * The start of an import dialog: the template to download, then the drop zone for the file (it takes focus
 * when the dialog opens).
 */
export function ImportFileInput(props: {
  id: string;
  templateLabel: string;
  template: UseMutationResult<void, Error, void>;
  label: string;
  hint: string;
  error: string | null;
  disabled: boolean;
  /** The file chosen so far, named in the zone. */
  file: File | null;
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
        labelProps={{ id: `${id}-label`, htmlFor: undefined, component: "div" }}
        descriptionProps={{ id: `${id}-description` }}
        errorProps={{ id: `${id}-error` }}
      >
        <FileDropZone
          id={id}
          labelId={`${id}-label`}
          describedBy={error ? `${id}-error ${id}-description` : `${id}-description`}
          file={props.file}
          invalid={Boolean(error)}
          disabled={props.disabled}
          onChoose={props.onChoose}
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
