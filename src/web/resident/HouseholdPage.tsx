import { Alert, Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../components/Pages.js";
import { ChangeRequestsSection } from "../registry/changeRequests.js";
import { HouseholdFlagsAlert } from "../registry/flags.js";
import { HouseholdPanel } from "../registry/HouseholdPanel.js";
import { VehiclesPanel } from "../registry/VehiclesPanel.js";
import { useChosenUnit } from "./units.js";

function ByUnit({ title, render }: { title: string; render: (unitId: string) => ReactNode }) {
  const { t } = useTranslation();
  const { units, chosen } = useChosenUnit();
  return (
    <Stack maw={720} mx="auto" gap="xs">
      <PageHeader title={title} />
      {units.length === 0 && (
        <Alert color="blue" variant="light">
          {t("household.noUnits")}
        </Alert>
      )}
      {chosen && (
        <Stack key={chosen.unitId} gap="sm" component="section" aria-label={chosen.label}>
          {render(chosen.unitId)}
        </Stack>
      )}
    </Stack>
  );
}

/**
 * The resident's household: the owner adds, corrects and moves out household members, and asks the
 * management to change the unit's area or owner.
 */
export function HouseholdPage() {
  const { t } = useTranslation();
  return (
    <ByUnit
      title={t("household.title")}
      render={(unitId) => (
        <>
          <HouseholdFlagsAlert unitId={unitId} />
          <HouseholdPanel unitId={unitId} mode="resident" canEdit={false} />
          <ChangeRequestsSection unitId={unitId} />
        </>
      )}
    />
  );
}

/** The household's vehicles; a resident's registration waits for the management's approval. */
export function VehiclesPage() {
  const { t } = useTranslation();
  return (
    <ByUnit
      title={t("vehicles.title")}
      render={(unitId) => (
        <VehiclesPanel unitId={unitId} mode="resident" canEdit={false} canApprove={false} />
      )}
    />
  );
}
