import { Anchor, Center, EmptyState, Group, Loader, NativeSelect, Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { Building } from "../../../contracts/index.js";
import { currentPeriod, usePeriodOptions } from "../../billing/billing.js";
import { FormError } from "../../components/forms.js";
import { IconBuilding } from "../../components/icons.js";
import { PageHeader } from "../../components/Pages.js";
import { useAllBuildings } from "../buildings/buildings.js";

const STORAGE_KEY = "cc.billing.building";
const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The building last chosen on a billing page in this browser, if any. */
export function rememberedBuilding(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function store(buildingId: string) {
  try {
    localStorage.setItem(STORAGE_KEY, buildingId);
  } catch {
    // Storage unavailable (private mode): the choice lasts while it is in the address.
  }
}

/** The building and period a billing page shows, kept in the address so that links and reloads keep them. */
export type BillingScope = {
  building: Building;
  buildings: Building[];
  period: string;
  setBuilding: (buildingId: string) => void;
  setPeriod: (period: string) => void;
  /** Sets (or with null removes) one more parameter of the address, replacing the history entry. */
  setParam: (key: string, value: string | null) => void;
  params: URLSearchParams;
};

/** Address of a billing page for a building and period: `/console/billing/readings?building=…&period=…`. */
export function billingLink(page: string, buildingId: string, period?: string): string {
  const params = new URLSearchParams({ building: buildingId });
  if (period) params.set("period", period);
  return `/console/billing/${page}?${params}`;
}

function useScope() {
  const buildings = useAllBuildings();
  const [params, setParams] = useSearchParams();
  const items = buildings.data?.items ?? [];
  const wanted = params.get("building") ?? rememberedBuilding();
  const building = items.find((b) => b.id === wanted) ?? items[0];
  const asked = params.get("period");
  const period = asked && PERIOD.test(asked) ? asked : currentPeriod();
  const update = (values: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(values)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  return { buildings, building, items, period, params, update };
}

/** The building and period pickers of a billing page. */
function ScopePicker({ scope, withPeriod }: { scope: BillingScope; withPeriod: boolean }) {
  const { t } = useTranslation();
  const periods = usePeriodOptions(scope.period);
  return (
    <Group gap="sm" align="flex-end" mb="md" wrap="wrap">
      <NativeSelect
        label={t("billing.building")}
        data={scope.buildings.map((b) => ({ value: b.id, label: b.name }))}
        value={scope.building.id}
        onChange={(event) => scope.setBuilding(event.currentTarget.value)}
        w={{ base: "100%", xs: 280 }}
      />
      {withPeriod && (
        <NativeSelect
          label={t("billing.period")}
          data={periods}
          value={scope.period}
          onChange={(event) => scope.setPeriod(event.currentTarget.value)}
          w={{ base: "100%", xs: 180 }}
        />
      )}
    </Group>
  );
}

type Props = {
  title: string;
  /** Whether the page is about one period (readings, runs) or not (fee rules). */
  withPeriod?: boolean;
  /** The page's main action beside its heading. */
  action?: (scope: BillingScope) => ReactNode;
  children: (scope: BillingScope) => ReactNode;
};

/**
 * A billing page: its heading, the building (and period) it is about, then its content for them. The building
 * chosen last is remembered in this browser; with no building yet, says where to add one.
 */
export function BillingPage({ title, withPeriod = false, action, children }: Props) {
  const { t } = useTranslation();
  const { buildings, building, items, period, params, update } = useScope();

  let body: ReactNode;
  if (buildings.isPending) {
    body = (
      <Center mih="30vh">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  } else if (buildings.isError) {
    body = <FormError error={buildings.error} />;
  } else if (!building) {
    body = (
      <EmptyState
        icon={<IconBuilding size={32} />}
        variant="light"
        title={t("billing.noBuildingsTitle")}
        description={t("billing.noBuildings")}
        py="xl"
      >
        <EmptyState.Actions>
          <Anchor component={Link} to="/console/buildings">
            {t("billing.toBuildings")}
          </Anchor>
        </EmptyState.Actions>
      </EmptyState>
    );
  }
  if (body || !building) {
    return (
      <Stack gap={0}>
        <PageHeader title={title} />
        {body}
      </Stack>
    );
  }

  const scope: BillingScope = {
    building,
    buildings: items,
    period,
    params,
    setParam: (key, value) => update({ [key]: value }),
    // What was open (a run, a notice) belongs to the building and period it was opened for.
    setBuilding: (id) => {
      store(id);
      update({ building: id, run: null, invoice: null, unit: null });
    },
    setPeriod: (value) => update({ period: value, run: null, invoice: null }),
  };
  return (
    <Stack gap={0}>
      <PageHeader title={title} action={action?.(scope)} />
      <ScopePicker scope={scope} withPeriod={withPeriod} />
      {/* Keyed by building and period, so forms and dialogs start afresh when either changes. */}
      <Stack key={`${building.id}:${withPeriod ? period : ""}`} gap="lg">
        {children(scope)}
      </Stack>
    </Stack>
  );
}
