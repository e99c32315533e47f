import { Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { FloorGrid } from "../../../contracts/index.js";
import { UNIT_STATUSES, type UnitStatus, useUnitWords } from "./units.js";
import classes from "./units.module.css";

function Swatch({ status }: { status: UnitStatus }) {
  return <span className={`${classes.swatch} ${classes[status]}`} aria-hidden="true" />;
}

/** A unit's status as the grid draws it: the same colour and pattern, and its name. */
export function UnitStatusBadge({ status }: { status: UnitStatus }) {
  const words = useUnitWords();
  return (
    <Group gap={6} wrap="nowrap">
      <Swatch status={status} />
      <Text span size="sm" style={{ whiteSpace: "nowrap" }}>
        {words.status(status)}
      </Text>
    </Group>
  );
}

/** Counts by status, which is also the key to the grid's colours and patterns. */
export function StatusLegend({ counts }: { counts: FloorGrid["counts"] }) {
  const { t } = useTranslation();
  const words = useUnitWords();
  return (
    <ul className={classes.legend} aria-label={t("units.legend")}>
      {UNIT_STATUSES.map((status) => (
        <li key={status}>
          <Swatch status={status} />
          {t("units.legendItem", { status: words.status(status), count: counts[status] })}
        </li>
      ))}
    </ul>
  );
}
