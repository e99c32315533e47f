import {
  Button,
  Center,
  Drawer,
  Group,
  Loader,
  MultiSelect,
  NativeSelect,
  Select,
  Stack,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { type UseQueryResult, useMutation, useQuery } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ApiError, api, type Download, saveDownload } from "../../api.js";
import { FormError } from "../../components/forms.js";
import { RESIDENTS_PATH, type ResidentListItem } from "../../registry/registry.js";
import type { DateTimeText } from "./privacy.js";

/**
 * The record a page has open (a request, an incident), kept in the address so that a link or a reload
 * opens it again; closing replaces the history entry rather than adding one.
 */
export function useOpenParam(key: string): [string | null, (id: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const setOpen = (id: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (id) next.set(key, id);
        else next.delete(key);
        return next;
      },
      { replace: id === null },
    );
  return [params.get(key), setOpen];
}

/**
 * Puts a 400's field messages on a form whose fields are named differently from the body's
 * (`residentIds` is the `residents` picker); what was typed stays.
 */
export function showErrorsAt(
  form: { setErrors: (errors: Record<string, ReactNode>) => void },
  error: unknown,
  names: Record<string, string>,
) {
  if (!(error instanceof ApiError)) return;
  form.setErrors(
    Object.fromEntries(Object.entries(error.fieldErrors).map(([key, value]) => [names[key] ?? key, value])),
  );
}

function Loading() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Loader aria-label={t("common.loading")} />
    </Center>
  );
}

/** A query's loading and error states, then its content. */
export function QueryView<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <FormError error={query.error} />;
  return <>{children(query.data)}</>;
}

/** A record opened from a table, on the right of the page. */
export function DetailDrawer({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="xl"
      title={title}
      closeButtonProps={{ "aria-label": t("common.close") }}
      styles={{ title: { fontWeight: 700, fontSize: "var(--mantine-font-size-lg)" } }}
    >
      {children}
    </Drawer>
  );
}

/** A filter beside a table's search box: "Tất cả" first, then the given values. */
export function FilterSelect<V extends string>({
  label,
  value,
  values,
  word,
  onChange,
  withAll = true,
}: {
  label: string;
  value: V | "";
  values: readonly V[];
  word: (value: V) => string;
  onChange: (value: V | "") => void;
  withAll?: boolean;
}) {
  const { t } = useTranslation();
  const options = values.map((v) => ({ value: v, label: word(v) }));
  return (
    <NativeSelect
      label={label}
      data={withAll ? [{ value: "", label: t("common.all") }, ...options] : options}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value as V | "")}
      w={{ base: "100%", xs: 200 }}
    />
  );
}

/** Downloads a generated document (a PDF) and saves it under the name the server gives. */
export function DownloadButton({ file, children }: { file: () => Promise<Download>; children: ReactNode }) {
  const download = useMutation({ mutationFn: file, onSuccess: saveDownload });
  return (
    <Stack gap={4} align="flex-start">
      <Button variant="default" loading={download.isPending} onClick={() => download.mutate()}>
        {children}
      </Button>
      <FormError error={download.error} />
    </Stack>
  );
}

/** A resident as pickers show them: the name, then their units so that namesakes can be told apart. */
function residentLabel(resident: ResidentListItem): string {
  const units = resident.units.map((unit) => unit.code).join(", ");
  return units ? `${resident.fullName} · ${units}` : resident.fullName;
}

/** Residents matching what was typed, searched on the server (names without diacritics, phone, unit). */
function useResidentSearch(chosenLabels: string[]) {
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const params = { q, page: 1, pageSize: 20 };
  const results = useQuery({
    queryKey: [RESIDENTS_PATH, params],
    queryFn: () => api.GET(RESIDENTS_PATH, { params: { query: params } }),
    // Choosing an option writes its label into the search box: that is not a new search.
    enabled: q.length >= 2 && !chosenLabels.includes(q),
  });
  return { search, setSearch, q, items: results.data?.items ?? [], loading: results.isFetching };
}

type PickerProps = {
  label: string;
  description?: string;
  error?: ReactNode;
  autoFocus?: boolean;
};

/**
 * The search results as options, keeping the chosen ones (whose names the server sent earlier) so that
 * the field still shows them when the results change.
 */
function useResidentOptions(chosen: ResidentListItem[]) {
  const { t } = useTranslation();
  const found = useResidentSearch(chosen.map(residentLabel));
  const known = new Map<string, ResidentListItem>();
  for (const resident of [...chosen, ...found.items]) known.set(resident.id, resident);
  const data = [...known.values()].map((r) => ({ value: r.id, label: residentLabel(r) }));
  const nothingFound =
    found.q.length < 2
      ? t("legalHolds.typeToSearch")
      : found.loading
        ? t("common.loading")
        : t("common.nothingFound");
  return { found, known, data, nothingFound };
}

/** Picks one resident by searching the company's residents. */
export function ResidentPicker({
  value,
  onChange,
  ...props
}: PickerProps & { value: ResidentListItem | null; onChange: (resident: ResidentListItem | null) => void }) {
  const { found, known, data, nothingFound } = useResidentOptions(value ? [value] : []);
  return (
    <Select
      {...props}
      data-autofocus={props.autoFocus || undefined}
      data={data}
      value={value?.id ?? null}
      onChange={(id) => onChange(id ? (known.get(id) ?? null) : null)}
      searchable
      clearable
      searchValue={found.search}
      onSearchChange={found.setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={nothingFound}
    />
  );
}

/** Picks several residents, one search at a time. */
export function ResidentsPicker({
  value,
  onChange,
  ...props
}: PickerProps & { value: ResidentListItem[]; onChange: (residents: ResidentListItem[]) => void }) {
  const { found, known, data, nothingFound } = useResidentOptions(value);
  return (
    <MultiSelect
      {...props}
      data={data}
      value={value.map((r) => r.id)}
      onChange={(ids) => onChange(ids.flatMap((id) => known.get(id) ?? []))}
      searchable
      clearable
      searchValue={found.search}
      onSearchChange={found.setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={nothingFound}
    />
  );
}

/**
 * A day and a 24-hour time typed as the product shows them (dd/mm/yyyy HH:mm), whatever the browser's
 * locale: native date-time pickers follow the browser's and show AM/PM in English ones.
 */
export function DateTimeInput({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: DateTimeText;
  onChange: (value: DateTimeText) => void;
  error?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <TextInput
        label={label}
        placeholder={t("validation.dayPlaceholder")}
        inputMode="numeric"
        value={value.day}
        onChange={(event) => onChange({ ...value, day: event.currentTarget.value })}
        error={error}
        w={150}
      />
      <TextInput
        label={t("privacyRequests.time")}
        aria-label={t("privacyRequests.timeOf", { label })}
        placeholder="HH:mm"
        inputMode="numeric"
        value={value.time}
        onChange={(event) => onChange({ ...value, time: event.currentTarget.value })}
        error={Boolean(error)}
        w={110}
      />
    </Group>
  );
}
