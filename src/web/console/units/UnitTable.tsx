import { Anchor, NativeSelect, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Building, FloorGrid, UnitListItem } from "../../../contracts/index.js";
import { api } from "../../api.js";
import { type Column, PagedTable } from "../../components/PagedTable.js";
import { usePagedList } from "../../components/usePagedList.js";
import { formatVnd } from "../../format.js";
import { useBillingAccess } from "../access.js";
import { UnitStatusBadge } from "./UnitStatus.js";
import { UNIT_STATUSES, UNIT_TYPES, UNITS_PATH, useUnitWords } from "./units.js";

type Props = {
  building: Building;
  grid?: FloorGrid;
  onOpen: (unitId: string) => void;
  /** Only units with a household flag still open (`true`), or none open (`false`): from the address. */
  flagged: string;
  onFlaggedChange: (value: string) => void;
  empty: React.ReactNode;
};

/** What the page's units owe, asked of billing in one request for the page, for those who read billing. */
function useBalances(buildingId: string, unitIds: string[], enabled: boolean) {
  const query = { buildingId, unitIds: unitIds.join(",") };
  return useQuery({
    queryKey: ["/billing/unit-balances", query],
    queryFn: () => api.GET("/billing/unit-balances", { params: { query } }),
    enabled: enabled && unitIds.length > 0,
    select: (data) => new Map(data.items.map((item) => [item.unitId, item])),
  });
}

/**
 * The building's units, paginated, searched, filtered and sorted on the server, with each unit's owner and what it
 * owes; a row opens the unit (changing or deleting it is done there).
 */
export function UnitTable({ building, grid, onOpen, flagged, onFlaggedChange, empty }: Props) {
  const { t, i18n } = useTranslation();
  const words = useUnitWords();
  const readsBilling = useBillingAccess().reads;
  const [block, setBlock] = useState("");
  const [floor, setFloor] = useState("");
  const [status, setStatus] = useState("");
  const [type, setType] = useState("");
  const [sort, setSort] = useState("code");
  const list = usePagedList(
    UNITS_PATH,
    { buildingId: building.id, block, floor, status, type, flagged: flagged || undefined },
    sort,
  );
  const balances = useBalances(
    building.id,
    (list.query.data?.items ?? []).map((unit) => unit.id),
    readsBilling,
  );

  // Floors that have units, from the grid, top floor first; only the chosen block's when one is chosen.
  const floors = [
    ...new Set(
      (grid?.blocks ?? [])
        .filter((b) => !block || b.name === block)
        .flatMap((b) => b.floors.filter((f) => f.units.length).map((f) => f.floor)),
    ),
  ].sort((a, b) => b - a);
  const all = { value: "", label: t("common.all") };

  const columns: Column<UnitListItem>[] = [
    {
      header: t("units.code"),
      sortKey: "code",
      cell: (unit) => (
        <Anchor component="button" type="button" fw={600} onClick={() => onOpen(unit.id)}>
          {unit.code}
        </Anchor>
      ),
    },
    { header: t("units.block"), cell: (unit) => unit.block },
    { header: t("units.floor"), sortKey: "floor", cell: (unit) => unit.floor },
    { header: t("units.type"), cell: (unit) => words.type(unit.type) },
    {
      header: t("units.area"),
      sortKey: "area",
      cell: (unit) => <span style={{ whiteSpace: "nowrap" }}>{words.area(unit.areaM2)}</span>,
    },
    { header: t("units.owner"), cell: (unit) => unit.owner ?? "—" },
    { header: t("units.status"), cell: (unit) => <UnitStatusBadge status={unit.status} /> },
  ];
  if (readsBilling) {
    columns.push({
      header: t("units.balance"),
      cell: (unit) => {
        const owed = balances.data?.get(unit.id);
        if (!owed) return balances.isPending ? "…" : "—";
        return (
          <Text
            span
            size="sm"
            style={{ whiteSpace: "nowrap" }}
            c={owed.overdue > 0 ? "red.9" : undefined}
            fw={owed.overdue > 0 ? 600 : undefined}
          >
            {formatVnd(owed.balance, i18n.language)}
            {owed.overdue > 0 && ` (${t("units.overdue")})`}
          </Text>
        );
      },
    });
  }
  return (
    <PagedTable
      list={list}
      columns={columns}
      label={t("units.list")}
      searchLabel={t("units.searchCode")}
      sort={sort}
      onSortChange={setSort}
      onOpen={(unit) => onOpen(unit.id)}
      minWidth={960}
      filters={
        <>
          {building.blocks.length > 1 && (
            <NativeSelect
              label={t("units.block")}
              value={block}
              onChange={(event) => {
                setBlock(event.currentTarget.value);
                setFloor("");
              }}
              data={[all, ...building.blocks.map((b) => ({ value: b.name, label: words.block(b.name) }))]}
              w={130}
            />
          )}
          <NativeSelect
            label={t("units.floor")}
            value={floor}
            onChange={(event) => setFloor(event.currentTarget.value)}
            data={[all, ...floors.map((f) => ({ value: String(f), label: words.floor(f) }))]}
            w={140}
          />
          <NativeSelect
            label={t("units.status")}
            value={status}
            onChange={(event) => setStatus(event.currentTarget.value)}
            data={[all, ...UNIT_STATUSES.map((s) => ({ value: s, label: words.status(s) }))]}
            w={170}
          />
          <NativeSelect
            label={t("units.type")}
            value={type}
            onChange={(event) => setType(event.currentTarget.value)}
            data={[all, ...UNIT_TYPES.map((s) => ({ value: s, label: words.type(s) }))]}
            w={150}
          />
          <NativeSelect
            label={t("units.flagged")}
            value={flagged}
            onChange={(event) => onFlaggedChange(event.currentTarget.value)}
            data={[
              all,
              { value: "true", label: t("units.flaggedOpen") },
              { value: "false", label: t("units.flaggedNone") },
            ]}
            w={200}
          />
        </>
      }
      empty={empty}
    />
  );
}
