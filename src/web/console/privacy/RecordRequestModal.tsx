import { Alert, Anchor, Group, NativeSelect, Radio, Stepper, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api.js";
import { CodeInput } from "../../components/CodeInput.js";
import { FormModal } from "../../components/FormModal.js";
import { showFieldErrors, sixDigits } from "../../components/forms.js";
import { formatTime } from "../../format.js";
import type { ResidentListItem } from "../../registry/registry.js";
import { ResidentPicker } from "./parts.js";
import {
  IDENTITY_CHECKS_PATH,
  type IdentityCheck,
  type PrivacyRequest,
  REQUEST_KINDS,
  REQUESTS_PATH,
  type RequestKind,
  usePrivacyWords,
} from "./privacy.js";

type Channel = IdentityCheck["channel"];

/** Step 1: who is calling, and where their one-time code goes. */
function IdentityStep({
  resident,
  onResident,
  onSent,
  onClose,
}: {
  resident: ResidentListItem | null;
  onResident: (resident: ResidentListItem | null) => void;
  onSent: (check: IdentityCheck) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [channel, setChannel] = useState<Channel>(resident?.phone ? "sms" : "email");
  const [residentError, setResidentError] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (chosen: ResidentListItem) =>
      api.POST(IDENTITY_CHECKS_PATH, { body: { residentId: chosen.id, channel } }),
    onSuccess: onSent,
    onError: (error) => {
      if (error instanceof ApiError) setResidentError(error.fieldErrors.residentId ?? null);
    },
  });
  const noContact = resident !== null && !resident.phone && !resident.email;
  return (
    <FormModal
      title={t("privacyRequests.recordTitle")}
      onClose={onClose}
      onSubmit={(event) => {
        event?.preventDefault();
        if (!resident) setResidentError(t("privacyRequests.chooseResident"));
        else send.mutate(resident);
      }}
      submitLabel={t("privacyRequests.sendCode")}
      pending={send.isPending}
      error={residentError ? null : send.error}
      size="lg"
    >
      <RecordStepper active={0} />
      <Text size="sm">{t("privacyRequests.identityIntro")}</Text>
      <ResidentPicker
        label={t("privacyRequests.resident")}
        description={t("privacyRequests.residentHint")}
        value={resident}
        onChange={(chosen) => {
          setResidentError(null);
          onResident(chosen);
          if (chosen) setChannel(chosen.phone ? "sms" : "email");
        }}
        error={residentError}
        autoFocus
      />
      {resident && (
        <Radio.Group
          label={t("privacyRequests.codeChannel")}
          value={channel}
          onChange={(value) => setChannel(value as Channel)}
        >
          <Group mt={6}>
            <Radio
              value="sms"
              disabled={!resident.phone}
              label={t("privacyRequests.bySms", { to: resident.phone ?? t("common.notSet") })}
            />
            <Radio
              value="email"
              disabled={!resident.email}
              label={t("privacyRequests.byEmail", { to: resident.email ?? t("common.notSet") })}
            />
          </Group>
        </Radio.Group>
      )}
      {noContact && (
        <Alert color="red" variant="light">
          {t("privacyRequests.noContact")}
        </Alert>
      )}
    </FormModal>
  );
}

function RecordStepper({ active }: { active: number }) {
  const { t } = useTranslation();
  return (
    <Stepper active={active} size="sm" allowNextStepsSelect={false}>
      <Stepper.Step label={t("privacyRequests.stepIdentity")} />
      <Stepper.Step label={t("privacyRequests.stepRequest")} />
    </Stepper>
  );
}

type RequestValues = { code: string; kind: RequestKind; details: string };

/** Whether the failure is shown beside a field (a wrong or expired code), so not again above the buttons. */
const atField = (error: unknown) => error instanceof ApiError && Object.keys(error.fieldErrors).length > 0;

/** Step 2: the code the resident reads out, then what they ask for. */
function RequestStep({
  resident,
  check,
  onBack,
  onClose,
  onRecorded,
}: {
  resident: ResidentListItem;
  check: IdentityCheck;
  onBack: () => void;
  onClose: () => void;
  onRecorded: (request: PrivacyRequest) => void;
}) {
  const { t } = useTranslation();
  const words = usePrivacyWords();
  const queryClient = useQueryClient();
  const form = useForm<RequestValues>({
    initialValues: { code: "", kind: "access", details: "" },
    validate: { code: sixDigits },
  });
  const record = useMutation({
    mutationFn: (values: RequestValues) =>
      api.POST(REQUESTS_PATH, {
        body: {
          kind: values.kind,
          details: values.details.trim() || undefined,
          residentId: resident.id,
          identityCheckId: check.id,
          code: values.code,
        },
      }),
    onSuccess: async (request) => {
      await queryClient.invalidateQueries({ queryKey: [REQUESTS_PATH] });
      onRecorded(request);
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <FormModal
      title={t("privacyRequests.recordTitle")}
      onClose={onClose}
      onSubmit={form.onSubmit((values) => record.mutate(values))}
      submitLabel={t("privacyRequests.recordSubmit")}
      pending={record.isPending}
      error={atField(record.error) ? null : record.error}
      size="lg"
    >
      <RecordStepper active={1} />
      <Alert color="blue" variant="light" role="status">
        {t("privacyRequests.codeSent", {
          name: resident.fullName,
          to: check.sentTo,
          time: formatTime(check.expiresAt),
        })}{" "}
        <Anchor component="button" type="button" size="sm" onClick={onBack}>
          {t("privacyRequests.changeResident")}
        </Anchor>
      </Alert>
      <CodeInput
        label={t("privacyRequests.code")}
        description={t("privacyRequests.codeHint")}
        data-autofocus
        {...form.getInputProps("code")}
        onChange={(value) => form.setFieldValue("code", value)}
      />
      <NativeSelect
        label={t("privacyRequests.kind")}
        data={REQUEST_KINDS.map((value) => ({ value, label: words.kind(value) }))}
        {...form.getInputProps("kind")}
      />
      <Text size="sm" c="dimmed">
        {t(`privacyRequests.kindHints.${form.values.kind}`)}
      </Text>
      <Textarea
        label={t("privacyRequests.details")}
        description={t("privacyRequests.detailsHint")}
        autosize
        minRows={3}
        maxLength={2000}
        {...form.getInputProps("details")}
      />
    </FormModal>
  );
}

/**
 * Ghi nhận yêu cầu thay cư dân: customer care finds the resident, sends them a one-time code, and records
 * the request once the resident reads the code out — so nobody can ask for someone else's data by phone.
 */
export function RecordRequestModal({
  onClose,
  onRecorded,
}: {
  onClose: () => void;
  onRecorded: (request: PrivacyRequest) => void;
}) {
  const [resident, setResident] = useState<ResidentListItem | null>(null);
  const [check, setCheck] = useState<IdentityCheck | null>(null);
  if (resident && check) {
    return (
      <RequestStep
        resident={resident}
        check={check}
        onBack={() => setCheck(null)}
        onClose={onClose}
        onRecorded={onRecorded}
      />
    );
  }
  return <IdentityStep resident={resident} onResident={setResident} onSent={setCheck} onClose={onClose} />;
}
