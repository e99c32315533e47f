import { Button, EmptyState, SegmentedControl, Stack, Text, VisuallyHidden } from "@mantine/core";
import { type KeyboardEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { FloorGrid } from "../../../contracts/index.js";
import { IconBuilding } from "../../components/icons.js";
import { unitNumber, useUnitWords } from "./units.js";
import classes from "./units.module.css";

type Block = FloorGrid["blocks"][number];

const MOVES: Record<string, [number, number] | "home" | "end"> = {
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  Home: "home",
  End: "end",
};

/**
 * One block's floors, top floor first, one row of unit buttons per floor. The grid is a single tab
 * stop; the arrow keys move between units (up and down keep the column as far as the floor allows).
 */
function BlockGrid({ block, onOpen }: { block: Block; onOpen: (unitId: string) => void }) {
  const { t } = useTranslation();
  const words = useUnitWords();
  const baseId = useId();
  const container = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<string | null>(null);
  const floors = block.floors;
  const all = floors.flatMap((floor) => floor.units);
  const current = all.some((unit) => unit.id === active) ? active : all[0]?.id;

  const unitsAt = (row: number) => floors[row]?.units ?? [];

  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = MOVES[event.key];
    const target = event.target as HTMLElement;
    if (!step || target.dataset.row === undefined) return;
    const row = Number(target.dataset.row);
    const col = Number(target.dataset.col);
    let next: [number, number] | null = null;
    if (step === "home") next = [row, 0];
    else if (step === "end") next = [row, unitsAt(row).length - 1];
    else if (step[0] === 0) next = [row, col + step[1]];
    else {
      // Up or down to the nearest floor that has units, in the same column or its last unit.
      for (let r = row + step[0]; r >= 0 && r < floors.length; r += step[0]) {
        if (unitsAt(r).length) {
          next = [r, Math.min(col, unitsAt(r).length - 1)];
          break;
        }
      }
    }
    event.preventDefault();
    const unit = next && unitsAt(next[0])[next[1]];
    if (!unit) return;
    setActive(unit.id);
    container.current?.querySelector<HTMLElement>(`[data-unit="${unit.id}"]`)?.focus();
  };

  return (
    <div className={classes.scroller}>
      <VisuallyHidden id={`${baseId}-hint`}>{t("units.gridHint")}</VisuallyHidden>
      {/* biome-ignore lint/a11y/useSemanticElements: a fieldset is for form controls; these are a group of buttons */}
      <div
        ref={container}
        className={classes.rows}
        role="group"
        aria-label={t("units.gridLabel", { name: block.name })}
        aria-describedby={`${baseId}-hint`}
        onKeyDown={move}
      >
        {floors.map((floor, row) => {
          const labelId = `${baseId}-floor-${floor.floor}`;
          return (
            // biome-ignore lint/a11y/useSemanticElements: one floor's buttons, named by the floor label
            <div key={floor.floor} className={classes.row} role="group" aria-labelledby={labelId}>
              <div id={labelId} className={classes.floor}>
                {words.floor(floor.floor)}
              </div>
              {floor.units.length === 0 && (
                <span className={classes.noUnits}>{t("units.noUnitsOnFloor")}</span>
              )}
              {floor.units.map((unit, col) => (
                <button
                  key={unit.id}
                  type="button"
                  className={`${classes.cell} ${classes[unit.status]}`}
                  aria-label={words.cell(unit)}
                  title={unit.code}
                  tabIndex={unit.id === current ? 0 : -1}
                  data-unit={unit.id}
                  data-row={row}
                  data-col={col}
                  onFocus={() => setActive(unit.id)}
                  onClick={() => onOpen(unit.id)}
                >
                  {unitNumber(unit.code)}
                </button>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}

type Props = {
  grid: FloorGrid;
  canManage: boolean;
  onOpen: (unitId: string) => void;
  onCreate: (block?: string) => void;
};

/** The floor plan: per block (chosen with a segmented control when there are several), floors by units. */
export function FloorPlan({ grid, canManage, onOpen, onCreate }: Props) {
  const { t } = useTranslation();
  const words = useUnitWords();
  const [chosen, setChosen] = useState<string | null>(null);
  const total = grid.counts.vacant + grid.counts.occupied + grid.counts.renovation;
  const withUnits = grid.blocks.filter((block) => block.floors.some((floor) => floor.units.length));

  if (total === 0 || !withUnits.length) {
    return (
      <EmptyState
        icon={<IconBuilding size={32} />}
        variant="light"
        title={t("units.emptyTitle")}
        description={canManage ? t("units.empty") : t("units.emptyStaff")}
        py="xl"
      >
        {canManage && (
          <EmptyState.Actions>
            <Button onClick={() => onCreate()}>{t("units.create")}</Button>
          </EmptyState.Actions>
        )}
      </EmptyState>
    );
  }

  const block = grid.blocks.find((b) => b.name === chosen) ?? withUnits[0];
  if (!block) return null;
  return (
    <Stack gap="sm">
      {grid.blocks.length > 1 && (
        <SegmentedControl
          aria-label={t("units.block")}
          value={block.name}
          onChange={setChosen}
          data={grid.blocks.map((b) => ({ value: b.name, label: words.block(b.name) }))}
          w="fit-content"
          maw="100%"
        />
      )}
      {block.floors.some((floor) => floor.units.length) ? (
        <BlockGrid key={block.name} block={block} onOpen={onOpen} />
      ) : (
        <Text c="dimmed" py="lg">
          {t("units.emptyTitle")}
          {canManage && (
            <Button variant="light" size="xs" ml="sm" onClick={() => onCreate(block.name)}>
              {t("units.create")}
            </Button>
          )}
        </Text>
      )}
    </Stack>
  );
}
