import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type ApiData, api } from "../../api.js";
import { useRoleLabel } from "../../components/roles.js";

const PEOPLE_PATH = "/privacy/access-logs/people";
type Person = ApiData<"get", typeof PEOPLE_PATH>["items"][number];

/** A person as the picker shows them: name, roles, then a masked contact to tell namesakes apart. */
function usePersonLabel() {
  const roleLabel = useRoleLabel();
  return (p: Person) =>
    [p.displayName, p.roles.map(roleLabel).join(", "), p.phone ?? p.email].filter(Boolean).join(" · ");
}

/**
 * Picks one of the company's people (staff or resident with an account) by part of their name, or their
 * email or phone, searched on the server; gives their account id. `knownName` labels a person chosen
 * earlier (from the address) whom no search has returned yet.
 */
export function PersonPicker({
  label,
  description,
  value,
  knownName,
  onChange,
}: {
  label: string;
  description?: string;
  value: string | null;
  knownName: string | null;
  onChange: (accountId: string | null) => void;
}) {
  const { t } = useTranslation();
  const labelOf = usePersonLabel();
  const [search, setSearch] = useState("");
  const [chosen, setChosen] = useState<Person | null>(null);
  const [q] = useDebouncedValue(search.trim(), 300);
  const chosenLabel = chosen && chosen.accountId === value ? labelOf(chosen) : null;
  const results = useQuery({
    queryKey: [PEOPLE_PATH, q],
    queryFn: () => api.GET(PEOPLE_PATH, { params: { query: { q } } }),
    // Choosing an option writes its label into the search box: that is not a new search.
    enabled: q.length >= 2 && q !== chosenLabel,
  });
  const options = new Map<string, string>();
  if (value) options.set(value, chosenLabel ?? knownName ?? t("accessLogs.chosenPerson"));
  const found = results.data?.items ?? [];
  for (const p of found) options.set(p.accountId, labelOf(p));
  const nothingFound =
    q.length < 2
      ? t("legalHolds.typeToSearch")
      : results.isFetching
        ? t("common.loading")
        : t("common.nothingFound");
  return (
    <Select
      label={label}
      description={description}
      placeholder={t("accessLogs.accountPlaceholder")}
      data={[...options].map(([id, text]) => ({ value: id, label: text }))}
      value={value}
      onChange={(id) => {
        setChosen(found.find((p) => p.accountId === id) ?? null);
        onChange(id);
      }}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={nothingFound}
      w={{ base: "100%", sm: 340 }}
      comboboxProps={{ width: 420, position: "bottom-start" }}
    />
  );
}
