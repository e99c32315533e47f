import { Alert, Button, Group, Loader, Menu, Modal, Stack, Table, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { Building, ImportResult as ImportResultSchema } from "../../../contracts/index.js";
import { api, saveDownload } from "../../api.js";
import { ConfirmModal } from "../../components/ConfirmModal.js";
import { FormError } from "../../components/forms.js";
import { ImportErrorTable } from "./ImportErrorTable.js";
import {
  ImportActions,
  ImportFileInput,
  type ImportReport,
  importReportOf,
  isAccepted,
  isCsv,
  XLSX_TYPE,
} from "./importFile.js";
import { invalidateUnits } from "./units.js";
import classes from "./units.module.css";

/** What a check or an import answers (the server's ImportResult contract). */
type ImportResult = z.infer<typeof ImportResultSchema>;
type Sheet = keyof ImportResult["counts"];
const SHEETS: Sheet[] = ["units", "residents", "vehicles"];

/** The counts of a check or an import: a row per kind of data, a column per kind of change. */
function CountsTable({ result, label }: { result: ImportResult; label: string }) {
  const { t } = useTranslation();
  return (
    <Table withTableBorder withColumnBorders striped aria-label={label} className={classes.countsTable}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t("registryImport.kind")}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t("registryImport.create")}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t("registryImport.update")}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t("registryImport.unchanged")}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {SHEETS.map((sheet) => {
          const counts = result.counts[sheet];
          return (
            <Table.Tr key={sheet}>
              <Table.Th scope="row" fw={500}>
                {t(`registryImport.sheets.${sheet}`)}
              </Table.Th>
              <Table.Td ta="right">{counts.create}</Table.Td>
              <Table.Td ta="right">{counts.update}</Table.Td>
              <Table.Td ta="right">{counts.unchanged}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

function ErrorReport({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Alert
        color="red"
        variant="light"
        role="alert"
        title={t("registryImport.errorsTitle", { count: report.count })}
      >
        {report.count > report.errors.length && (
          <Text size="sm">{t("registryImport.errorsShown", { shown: report.errors.length })}</Text>
        )}
        <Text size="sm">{t("registryImport.errorsFix")}</Text>
      </Alert>
      {report.errors.length > 0 && (
        <ImportErrorTable errors={report.errors} label={t("registryImport.errorTable")} />
      )}
    </Stack>
  );
}

/**
 * Invites the building's residents who have no account yet to the app; the server sends the invitations in
 * the background and says who was left out and why.
 */
function InviteResidents({ building }: { building: Building }) {
  const { t } = useTranslation();
  const invite = useMutation({
    mutationFn: () =>
      api.POST("/buildings/{id}/invitations", { params: { path: { id: building.id } }, body: {} }),
  });
  const result = invite.data;
  return (
    <Stack gap="xs">
      {result ? (
        <Alert color="teal" variant="light" role="status" title={t("registryImport.invitedTitle", result)}>
          <Text size="sm">{t("registryImport.invitedSkipped", result)}</Text>
        </Alert>
      ) : (
        // The hint wraps and the button keeps its whole label: squeezed beside the hint, it was cut.
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Text size="sm" style={{ flex: "1 1 240px" }}>
            {t("registryImport.inviteHint")}
          </Text>
          <Button
            variant="light"
            loading={invite.isPending}
            onClick={() => invite.mutate()}
            style={{ flexShrink: 0 }}
          >
            {t("registryImport.invite")}
          </Button>
        </Group>
      )}
      <FormError error={invite.error} />
    </Stack>
  );
}

/**
 * Imports a workbook (or one CSV sheet) into the building: a dry run first, showing what would change or
 * every bad cell, then the import itself. The server writes nothing while any row has an error.
 */
function ImportModal({ building, onClose }: { building: Building; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const outcome = useRef<HTMLDivElement>(null);

  const template = useMutation({
    mutationFn: async () => saveDownload(await api.download("/registry/template.xlsx")),
  });
  const run = useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const csv = isCsv(file);
      return api.upload("/buildings/{id}/import", file, csv ? "text/csv" : XLSX_TYPE, {
        params: {
          path: { id: building.id },
          query: {
            dryRun: dryRun ? "true" : "false",
            format: csv ? "csv" : "xlsx",
          },
        },
      });
    },
    onSuccess: async (result) => {
      if (!result.dryRun) await invalidateUnits(queryClient);
    },
  });

  // Once a check or an import answers, move to what it says, so that keyboard and screen reader users
  // land on the result (the buttons that follow it stay a Tab away).
  const answered = run.isSuccess || run.isError;
  useEffect(() => {
    if (answered) outcome.current?.focus();
  }, [answered]);

  const choose = (chosen: File | null) => {
    run.reset();
    setFile(chosen);
    setFileError(chosen && !isAccepted(chosen) ? t("registryImport.fileType") : null);
  };

  const check = (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    if (!file) return setFileError(t("registryImport.fileRequired"));
    if (!isAccepted(file)) return setFileError(t("registryImport.fileType"));
    run.mutate({ file, dryRun: true });
  };

  const result = run.data;
  const report = importReportOf(run.error);
  const preview = result?.dryRun ? result : null;
  const done = result && !result.dryRun ? result : null;
  const changes = preview
    ? SHEETS.some((s) => preview.counts[s].create + preview.counts[s].update > 0)
    : false;
  const pendingDry = run.isPending && run.variables.dryRun;

  return (
    <Modal
      opened
      onClose={onClose}
      title={t("registryImport.title")}
      centered
      size="lg"
      closeButtonProps={{ "aria-label": t("common.close") }}
      styles={{ title: { fontWeight: 700, fontSize: "var(--mantine-font-size-lg)" } }}
    >
      <form onSubmit={check} noValidate>
        <Stack>
          <Text size="sm">{t("registryImport.intro")}</Text>
          <ImportFileInput
            id={fileId}
            templateLabel={t("registryImport.template")}
            template={template}
            label={t("registryImport.file")}
            hint={t("registryImport.fileHint")}
            error={fileError}
            disabled={run.isPending || Boolean(done)}
            file={file}
            onChoose={choose}
          />

          {run.isPending && (
            <Group gap="sm" role="status">
              <Loader size="sm" />
              <Text size="sm">
                {pendingDry ? t("registryImport.checking") : t("registryImport.importing")}
              </Text>
            </Group>
          )}

          <div ref={outcome} tabIndex={-1} className={classes.outcome}>
            {preview && (
              <Stack gap="xs">
                <Alert color="teal" variant="light" title={t("registryImport.previewTitle")}>
                  <Text size="sm">
                    {changes ? t("registryImport.previewText") : t("registryImport.nothingToChange")}
                  </Text>
                </Alert>
                <CountsTable result={preview} label={t("registryImport.previewTable")} />
              </Stack>
            )}
            {done && (
              <Stack gap="xs">
                <Alert color="teal" variant="light" role="status" title={t("registryImport.doneTitle")}>
                  {SHEETS.map((s) => (
                    <Text size="sm" key={s}>
                      {t("registryImport.doneLine", {
                        kind: t(`registryImport.sheets.${s}`),
                        ...done.counts[s],
                      })}
                    </Text>
                  ))}
                </Alert>
                <InviteResidents building={building} />
              </Stack>
            )}
            {report ? <ErrorReport report={report} /> : <FormError error={run.error} />}
          </div>

          <ImportActions
            done={Boolean(done)}
            checked={Boolean(preview && file)}
            checking={pendingDry}
            writing={run.isPending && !pendingDry}
            canWrite={Boolean(changes)}
            onWrite={() => file && run.mutate({ file, dryRun: false })}
            onClose={onClose}
            checkLabel={t("registryImport.check")}
            writeLabel={t("registryImport.submit")}
          />
        </Stack>
      </form>
    </Modal>
  );
}

/** Puts focus back on a dialog's trigger once the dialog is gone (it unmounts rather than closing). */
function useReturnFocus() {
  const trigger = useRef<HTMLButtonElement>(null);
  return { trigger, restore: () => requestAnimationFrame(() => trigger.current?.focus()) };
}

/** The import button and its dialog. */
export function ImportButton({ building }: { building: Building }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const { trigger, restore } = useReturnFocus();
  return (
    <>
      <Button ref={trigger} variant="default" onClick={() => setOpened(true)}>
        {t("registryImport.importButton")}
      </Button>
      {opened && (
        <ImportModal
          building={building}
          onClose={() => {
            setOpened(false);
            restore();
          }}
        />
      )}
    </>
  );
}

/** Export: the register with contacts partly hidden, or in full after a warning and the password. */
export function ExportMenu({ building }: { building: Building }) {
  const { t } = useTranslation();
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const { trigger, restore } = useReturnFocus();
  const masked = useMutation({ mutationFn: () => exportRegistry(building, false) });
  return (
    <Stack gap={4} align="flex-end">
      <Menu position="bottom-end" shadow="md" width={300}>
        <Menu.Target>
          <Button
            ref={trigger}
            variant="default"
            loading={masked.isPending}
            title={t("registryImport.exportMenu")}
          >
            {t("registryImport.export")}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => masked.mutate()} aria-describedby={`${id}-masked`}>
            <Text size="sm">{t("registryImport.exportMasked")}</Text>
            <Text size="xs" c="dimmed" id={`${id}-masked`} aria-hidden>
              {t("registryImport.exportMaskedHint")}
            </Text>
          </Menu.Item>
          <Menu.Item onClick={() => setConfirming(true)} aria-describedby={`${id}-full`}>
            <Text size="sm">{t("registryImport.exportFull")}</Text>
            <Text size="xs" c="dimmed" id={`${id}-full`} aria-hidden>
              {t("registryImport.exportFullHint")}
            </Text>
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <FormError error={masked.error} />
      {confirming && (
        <ConfirmModal
          title={t("registryImport.exportFull")}
          confirmLabel={t("registryImport.exportFullSubmit")}
          onClose={() => {
            setConfirming(false);
            restore();
          }}
          onConfirm={() => exportRegistry(building, true)}
        >
          {t("registryImport.exportFullConfirm")}
        </ConfirmModal>
      )}
    </Stack>
  );
}

/** Downloads the building's register; with contacts, the server asks for the password first. */
async function exportRegistry(building: Building, withContacts: boolean): Promise<void> {
  const file = await api.download("/buildings/{id}/export.xlsx", {
    params: {
      path: { id: building.id },
      query: {
        withContacts: withContacts ? "true" : undefined,
      },
    },
  });
  saveDownload(file);
}
