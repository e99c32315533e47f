import { Anchor, Button, Group, NativeSelect } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Building, FloorGrid, Unit } from "../../../contracts/index.js";
import { type Column, PagedTable } from "../../components/PagedTable.js";
import { usePagedList } from "../../components/usePagedList.js";
import { UnitStatusBadge } from "./UnitStatus.js";
import { UNIT_STATUSES, UNIT_TYPES, UNITS_PATH, useUnitWords } from "./units.js";

type Props = {
  building: Building;
  grid?: FloorGrid;
  canManage: boolean;
  onOpen: (unitId: string) => void;
  onEdit: (unit: Unit) => void;
  onDelete: (unit: Unit) => void;
  empty: React.ReactNode;
};

/** The building's units, paginated, searched, filtered and sorted on the server. */
export function UnitTable({ building, grid, canManage, onOpen, onEdit, onDelete, empty }: Props) {
  const { t } = useTranslation();
  const words = useUnitWords();
  const [block, setBlock] = useState("");
  const [floor, setFloor] = useState("");
  const [status, setStatus] = useState("");
  const [type, setType] = useState("");
  const [sort, setSort] = useState("code");
  const list = usePagedList(UNITS_PATH, { buildingId: building.id, block, floor, status, type }, sort);

  // Floors that have units, from the grid, top floor first; only the chosen block's when one is chosen.
  const floors = [
    ...new Set(
      (grid?.blocks ?? [])
        .filter((b) => !block || b.name === block)
        .flatMap((b) => b.floors.filter((f) => f.units.length).map((f) => f.floor)),
    ),
  ].sort((a, b) => b - a);
  const all = { value: "", label: t("common.all") };

  const columns: Column<Unit>[] = [
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
    { header: t("units.status"), cell: (unit) => <UnitStatusBadge status={unit.status} /> },
  ];
  if (canManage) {
    columns.push({
      header: t("common.actions"),
      cell: (unit) => (
        <Group gap={4} wrap="nowrap">
          {unit.abilities.update && (
            <Button
              variant="subtle"
              size="xs"
              onClick={() => onEdit(unit)}
              aria-label={t("common.editNamed", { name: unit.code })}
            >
              {t("common.edit")}
            </Button>
          )}
          {unit.abilities.delete && (
            <Button
              variant="subtle"
              color="red"
              size="xs"
              onClick={() => onDelete(unit)}
              aria-label={t("common.deleteNamed", { name: unit.code })}
            >
              {t("common.delete")}
            </Button>
          )}
        </Group>
      ),
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
        </>
      }
      empty={empty}
    />
  );
}
