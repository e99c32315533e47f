import { Alert, Button, Checkbox, Group, Loader, Modal, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, saveDownload } from "../../api.js";
import { missingReadingsPath, READINGS_PATH, useBillingWords } from "../../billing/billing.js";
import { FormError } from "../../components/forms.js";
import { ImportErrorTable } from "../units/ImportErrorTable.js";
import {
  ImportActions,
  ImportFileInput,
  importReportOf,
  isAccepted,
  isCsv,
  XLSX_TYPE,
} from "../units/importFile.js";
import classes from "../units/units.module.css";
import type { BillingScope } from "./scope.js";

/** The refused cells, and whether they are all unusual readings (which the user may confirm). */
function reportOf(error: unknown) {
  const report = importReportOf(error);
  if (!report) return null;
  const onlyUnusual = report.errors.length > 0 && report.errors.every((e) => e.code === "READING_UNUSUAL");
  return { ...report, onlyUnusual };
}

type Run = { file: File; dryRun: boolean; confirmUnusual: boolean };

/** The dialog: template, file, a check that saves nothing, then saving the readings. */
function ImportModal({ scope, onClose }: { scope: BillingScope; onClose: () => void }) {
  const { t } = useTranslation();
  const words = useBillingWords();
  const queryClient = useQueryClient();
  const fileId = useId();
  const buildingId = scope.building.id;
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [confirmUnusual, setConfirmUnusual] = useState(false);
  const outcome = useRef<HTMLDivElement>(null);

  const template = useMutation({
    mutationFn: async () =>
      saveDownload(
        await api.download("/buildings/{id}/meter-readings/template.xlsx", {
          params: { path: { id: buildingId }, query: { period: scope.period } },
        }),
      ),
  });
  const run = useMutation({
    mutationFn: ({ file, dryRun, confirmUnusual }: Run) => {
      const csv = isCsv(file);
      return api.upload("/buildings/{id}/meter-readings/import", file, csv ? "text/csv" : XLSX_TYPE, {
        params: {
          path: { id: buildingId },
          query: {
            period: scope.period,
            format: csv ? "csv" : "xlsx",
            dryRun: dryRun ? "true" : "false",
            confirmUnusual: confirmUnusual ? "true" : "false",
          },
        },
      });
    },
    onSuccess: async (result) => {
      if (result.dryRun) return;
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [READINGS_PATH] }),
        queryClient.invalidateQueries({ queryKey: [missingReadingsPath(buildingId)] }),
      ]);
    },
  });

  const answered = run.isSuccess || run.isError;
  useEffect(() => {
    if (answered) outcome.current?.focus();
  }, [answered]);

  const choose = (chosen: File | null) => {
    run.reset();
    setConfirmUnusual(false);
    setFile(chosen);
    setFileError(chosen && !isAccepted(chosen) ? t("billing.readingsImport.fileType") : null);
  };
  const check = (event?: FormEvent<HTMLFormElement>, confirm = confirmUnusual) => {
    event?.preventDefault();
    if (!file) return setFileError(t("billing.readingsImport.fileRequired"));
    if (!isAccepted(file)) return setFileError(t("billing.readingsImport.fileType"));
    run.mutate({ file, dryRun: true, confirmUnusual: confirm });
  };

  const result = run.data;
  const report = reportOf(run.error);
  const preview = result?.dryRun ? result : null;
  const done = result && !result.dryRun ? result : null;
  const pendingDry = run.isPending && run.variables.dryRun;

  return (
    <Modal
      opened
      onClose={onClose}
      title={t("billing.readingsImport.title", { period: words.period(scope.period) })}
      centered
      size="lg"
      closeButtonProps={{ "aria-label": t("common.close") }}
      styles={{ title: { fontWeight: 700, fontSize: "var(--mantine-font-size-lg)" } }}
    >
      <form onSubmit={check} noValidate>
        <Stack>
          <Text size="sm">{t("billing.readingsImport.intro")}</Text>
          <ImportFileInput
            id={fileId}
            templateLabel={t("billing.readingsImport.template")}
            template={template}
            label={t("billing.readingsImport.file")}
            hint={t("billing.readingsImport.fileHint")}
            error={fileError}
            disabled={run.isPending || Boolean(done)}
            file={file}
            onChoose={choose}
          />

          {run.isPending && (
            <Group gap="sm" role="status">
              <Loader size="sm" />
              <Text size="sm">
                {pendingDry ? t("billing.readingsImport.checking") : t("billing.readingsImport.saving")}
              </Text>
            </Group>
          )}

          <div ref={outcome} tabIndex={-1} className={classes.outcome}>
            {preview && (
              <Alert
                color="teal"
                variant="light"
                role="status"
                title={t("billing.readingsImport.preview", { count: preview.readings })}
              >
                {preview.readings === 0 && <Text size="sm">{t("billing.readingsImport.previewNone")}</Text>}
              </Alert>
            )}
            {done && (
              <Alert
                color="teal"
                variant="light"
                role="status"
                title={t("billing.readingsImport.done", { count: done.readings })}
              >
                {done.changed !== undefined && (
                  <Text size="sm">{t("billing.readingsImport.doneChanged", { changed: done.changed })}</Text>
                )}
              </Alert>
            )}
            {report ? (
              <Stack gap="xs">
                <Alert
                  color={report.onlyUnusual ? "yellow" : "red"}
                  variant="light"
                  role="alert"
                  title={t("billing.readingsImport.errorsTitle", { count: report.count })}
                  styles={{ title: { color: "var(--mantine-color-dark-7)" } }}
                >
                  <Text size="sm">
                    {report.onlyUnusual
                      ? t("billing.readingsImport.unusualOnly")
                      : t("billing.readingsImport.errorsFix")}
                  </Text>
                </Alert>
                {report.errors.length > 0 && (
                  <ImportErrorTable errors={report.errors} label={t("billing.readingsImport.errorTable")} />
                )}
                {report.onlyUnusual && (
                  <Checkbox
                    label={t("billing.readingsImport.confirmUnusual")}
                    checked={confirmUnusual}
                    onChange={(event) => {
                      const checked = event.currentTarget.checked;
                      setConfirmUnusual(checked);
                      if (checked) check(undefined, true);
                    }}
                  />
                )}
              </Stack>
            ) : (
              <FormError error={run.error} />
            )}
          </div>

          <ImportActions
            done={Boolean(done)}
            checked={Boolean(preview && file)}
            checking={pendingDry}
            writing={run.isPending && !pendingDry}
            canWrite={preview?.readings !== 0}
            onWrite={() => file && run.mutate({ file, dryRun: false, confirmUnusual })}
            onClose={onClose}
            checkLabel={t("billing.readingsImport.check")}
            writeLabel={t("billing.readingsImport.submit")}
          />
        </Stack>
      </form>
    </Modal>
  );
}

/** "Nhập từ Excel" beside the readings page's heading (on a desktop), and its dialog. */
export function ReadingsImportButton({ scope }: { scope: BillingScope }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  return (
    <>
      <Button ref={trigger} variant="default" visibleFrom="sm" onClick={() => setOpened(true)}>
        {t("billing.readingsImport.button")}
      </Button>
      {opened && (
        <ImportModal
          scope={scope}
          onClose={() => {
            setOpened(false);
            requestAnimationFrame(() => trigger.current?.focus());
          }}
        />
      )}
    </>
  );
}
