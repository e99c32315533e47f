import { Anchor, EmptyState, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useSignedInMe } from "../auth/session.js";
import { IconBuilding, IconUsers } from "../components/icons.js";
import { useContextLabel } from "../components/roles.js";
import { fetchPage, type PagedPath } from "../components/usePagedList.js";
import { useAbilities, useBillingAccess } from "./access.js";
import { CollectionKpis, useBillingDashboard } from "./billing/collection.js";
import { billingLink, rememberedBuilding } from "./billing/scope.js";
import { BUILDINGS_PATH, useAllBuildings } from "./buildings/buildings.js";
import { STAFF_PATH } from "./staff/staff.js";

/** How many rows a list has, asked for with the smallest page. */
function useCount(path: PagedPath, enabled = true, filters: Record<string, string> = {}) {
  const query = { page: 1, pageSize: 1, ...filters };
  return useQuery({
    queryKey: [path, query],
    queryFn: () => fetchPage(path, query),
    select: (page) => page.total,
    enabled,
  });
}

type CardProps = {
  label: string;
  count: number | undefined;
  to: string;
  linkLabel: string;
  empty?: ReactNode;
};

/** A count with a way to the list, or, when what it counts needs doing, what to do next. */
function CountCard({ label, count, to, linkLabel, empty }: CardProps) {
  return (
    <Paper withBorder p="lg" radius="md">
      <Text size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      {count === undefined ? (
        <Skeleton h={36} w={60} my={4} />
      ) : (
        <Text fz={32} fw={700} lh={1.4}>
          {count}
        </Text>
      )}
      {empty ?? (
        <Anchor component={Link} to={to} size="sm">
          {linkLabel}
        </Anchor>
      )}
    </Paper>
  );
}

/** The collection KPIs of the building last chosen on a billing page (or the first one), for those who read billing. */
function CollectionSummary() {
  const { t } = useTranslation();
  const buildings = useAllBuildings();
  const items = buildings.data?.items ?? [];
  const wanted = rememberedBuilding();
  const building = items.find((b) => b.id === wanted) ?? items[0];
  const dashboard = useBillingDashboard(building?.id);
  if (!building || dashboard.isError) return null;
  return (
    <Stack gap="xs" maw={1000} component="section" aria-labelledby="dashboard-collection">
      <Title order={2} size="h4" id="dashboard-collection">
        {t("billing.collection.dashboardTitle", { building: building.name })}
      </Title>
      <CollectionKpis data={dashboard.data} />
      <Anchor component={Link} to={billingLink("dashboard", building.id)} size="sm">
        {t("billing.collection.toDashboard")}
      </Anchor>
    </Stack>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const contextLabel = useContextLabel();
  const can = useAbilities();
  const addsBuildings = can("building", "create");
  const managesStaff = can("staff", "list");
  const buildings = useCount(BUILDINGS_PATH);
  const staff = useCount(STAFF_PATH, managesStaff);
  const billing = useBillingAccess();
  const handlesRequests = can("privacy", "handle_requests");
  const openRequests = useCount("/privacy/requests", handlesRequests);
  const overdueRequests = useCount("/privacy/requests", handlesRequests, { overdue: "true" });

  return (
    <Stack>
      <div>
        <Title order={1} size="h2">
          {t("dashboard.welcome", { name: me.account.displayName })}
        </Title>
        {me.current && <Text c="dimmed">{contextLabel(me.current)}</Text>}
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2 }} maw={800}>
        <CountCard
          label={t("dashboard.buildings")}
          count={buildings.data}
          to="/console/buildings"
          linkLabel={t("dashboard.manageBuildings")}
          empty={
            buildings.data === 0 ? (
              <EmptyState
                icon={<IconBuilding size={24} />}
                size="sm"
                align="left"
                title={t("buildings.emptyTitle")}
                description={addsBuildings ? t("dashboard.noBuildings") : t("buildings.emptyStaff")}
              >
                {addsBuildings && (
                  <Anchor component={Link} to="/console/buildings" size="sm">
                    {t("dashboard.manageBuildings")}
                  </Anchor>
                )}
              </EmptyState>
            ) : undefined
          }
        />
        {managesStaff && (
          <CountCard
            label={t("dashboard.staff")}
            count={staff.data}
            to="/console/staff"
            linkLabel={t("dashboard.manageStaff")}
            empty={
              staff.data === 1 ? (
                <EmptyState
                  icon={<IconUsers size={24} />}
                  size="sm"
                  align="left"
                  title={t("dashboard.aloneTitle")}
                  description={t("dashboard.alone")}
                >
                  <Anchor component={Link} to="/console/staff" size="sm">
                    {t("staff.invite")}
                  </Anchor>
                </EmptyState>
              ) : undefined
            }
          />
        )}
        {handlesRequests && (
          <CountCard
            label={t("dashboard.privacyRequests")}
            count={openRequests.data}
            to="/console/privacy/requests"
            linkLabel={t("dashboard.toPrivacyRequests")}
          />
        )}
        {handlesRequests && (
          <CountCard
            label={t("dashboard.overdueRequests")}
            count={overdueRequests.data}
            to="/console/privacy/requests?overdue=true"
            linkLabel={t("dashboard.toPrivacyRequests")}
          />
        )}
      </SimpleGrid>
      {billing.reads && <CollectionSummary />}
    </Stack>
  );
}
