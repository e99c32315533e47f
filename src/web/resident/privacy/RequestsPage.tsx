import { Alert, Button, Center, EmptyState, Loader, SegmentedControl, Stack, Text } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmModal } from "../../components/ConfirmModal.js";
import { FormError } from "../../components/forms.js";
import { ItemList } from "../../components/ItemList.js";
import { IconClipboard } from "../../components/icons.js";
import { PageNav } from "../../components/PageNav.js";
import { PageHeader } from "../../components/Pages.js";
import { NewRequestModal, type RequestDraft, requestBody } from "./NewRequestModal.js";
import {
  type PrivacyRequest,
  type RequestFilter,
  useCancelRequest,
  useCreateRequest,
  usePrivacyRequests,
} from "./privacy.js";
import { RequestCard } from "./RequestCard.js";
import { usePrivacyWords } from "./words.js";

const FILTERS = ["active", "completed", "rejected", "cancelled"] as const satisfies RequestFilter[];
const EMPTY_DRAFT: RequestDraft = { kind: "", details: "" };
const ERASURE_POINTS = ["deadline", "kept", "signOut", "final"] as const;

type Dialog =
  | { kind: "new"; draft: RequestDraft }
  | { kind: "confirmErasure"; draft: RequestDraft }
  | { kind: "cancel"; request: PrivacyRequest };

/** "Yêu cầu về dữ liệu": the resident's requests (see, correct, erase, restrict, object, withdraw). */
export function RequestsPage() {
  const { t } = useTranslation();
  const words = usePrivacyWords();
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>("active");
  const [page, setPage] = useState(1);
  const requests = usePrivacyRequests(filter, page);
  const create = useCreateRequest();
  const cancel = useCancelRequest();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const openNew = () => setDialog({ kind: "new", draft: EMPTY_DRAFT });
  const sent = () => {
    setDialog(null);
    setNotice(t("dataRequests.sent"));
    setFilter("active");
    setPage(1);
  };

  let body: ReactNode;
  if (requests.isPending) {
    body = (
      <Center py="xl">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  } else if (requests.isError) {
    body = <FormError error={requests.error} />;
  } else if (requests.data.items.length === 0) {
    body = (
      <EmptyState
        icon={<IconClipboard size={32} />}
        variant="light"
        title={t("dataRequests.emptyTitle")}
        description={filter === "active" ? t("dataRequests.empty") : t("dataRequests.emptyFiltered")}
        py="xl"
      />
    );
  } else {
    body = (
      <>
        <ItemList label={t("dataRequests.list")}>
          {requests.data.items.map((request) => (
            <RequestCard
              key={request.id}
              request={request}
              onCancel={() => setDialog({ kind: "cancel", request })}
            />
          ))}
        </ItemList>
        <PageNav
          total={requests.data.total}
          pageSize={requests.data.pageSize}
          page={page}
          onChange={setPage}
        />
      </>
    );
  }

  return (
    <Stack maw={720} mx="auto" gap="sm">
      <div>
        <PageHeader
          title={t("dataRequests.title")}
          action={<Button onClick={openNew}>{t("dataRequests.new")}</Button>}
        />
        <Text c="dimmed">{t("dataRequests.intro")}</Text>
      </div>
      {notice && (
        <Alert color="teal" variant="light" withCloseButton onClose={() => setNotice(null)} role="status">
          {notice}
        </Alert>
      )}
      <SegmentedControl
        aria-label={t("dataRequests.filter")}
        value={filter}
        onChange={(value) => {
          setFilter(value as typeof filter);
          setPage(1);
        }}
        data={FILTERS.map((value) => ({ value, label: t(`dataRequests.filters.${value}`) }))}
        fullWidth
      />
      {body}

      {dialog?.kind === "new" && (
        <NewRequestModal
          draft={dialog.draft}
          onClose={() => setDialog(null)}
          onErasure={(draft) => setDialog({ kind: "confirmErasure", draft })}
          onSent={sent}
        />
      )}
      {dialog?.kind === "confirmErasure" && (
        <ConfirmModal
          title={t("dataRequests.erasure.title")}
          confirmLabel={t("dataRequests.erasure.confirm")}
          danger
          // Cancelling goes back to the form with what was typed; after sending, sent() has closed it.
          onClose={() => setDialog((open) => open && { kind: "new", draft: dialog.draft })}
          onConfirm={async () => {
            await create.mutateAsync(requestBody(dialog.draft));
            sent();
          }}
        >
          {ERASURE_POINTS.map((point) => (
            <Text key={point} span display="block" mb="xs">
              {t(`dataRequests.erasure.${point}`)}
            </Text>
          ))}
        </ConfirmModal>
      )}
      {dialog?.kind === "cancel" && (
        <ConfirmModal
          title={t("dataRequests.cancelTitle")}
          confirmLabel={t("dataRequests.cancelConfirm")}
          danger
          onClose={() => setDialog(null)}
          onConfirm={() => cancel.mutateAsync(dialog.request.id)}
        >
          {t("dataRequests.cancelText", { kind: words.kind(dialog.request.kind) })}
        </ConfirmModal>
      )}
    </Stack>
  );
}
