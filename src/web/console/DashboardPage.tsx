import {
  Anchor,
  Badge,
  Center,
  EmptyState,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { z } from "zod";
import type { WorkInbox } from "../../contracts/index.js";
import { api } from "../api.js";
import { useSignedInMe } from "../auth/session.js";
import { FormError } from "../components/forms.js";
import { IconBuilding, IconClipboard } from "../components/icons.js";
import { useContextLabel } from "../components/roles.js";
import { formatDate, formatDateTime } from "../format.js";
import { useAbilities, useBillingAccess } from "./access.js";
import { CollectionKpis, useBillingDashboard } from "./billing/collection.js";
import { billingLink, rememberedBuilding } from "./billing/scope.js";
import { useAllBuildings } from "./buildings/buildings.js";

type Queue = z.infer<typeof WorkInbox>["queues"][number];
type Part = Queue["parts"][number];

export const WORK_PATH = "/console/work";

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

/** A legal clock that ran out (a data request's month, a breach's 72 hours): shown in red. */
const isLate = (queue: Queue) => queue.dueKind === "deadline" && queue.overdue > 0;

/** What needs doing first: late clocks, then queues with items, then the empty ones, each in module order. */
const rank = (queue: Queue) => (isLate(queue) ? 0 : queue.count > 0 ? 1 : 2);

/** The line under a queue's count: how late, the nearest deadline, or how old its oldest item is. */
function DueLine({ queue }: { queue: Queue }) {
  const { t } = useTranslation();
  if (queue.count === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("dashboard.queueEmpty")}
      </Text>
    );
  }
  if (isLate(queue)) {
    return (
      <Text size="sm" c="red.9" fw={600}>
        {t("dashboard.overdue", { count: queue.overdue })}
      </Text>
    );
  }
  if (!queue.due) return null;
  return (
    <Text size="sm" c="dimmed">
      {queue.dueKind === "deadline"
        ? t("dashboard.nextDeadline", { at: formatDateTime(queue.due) })
        : t("dashboard.oldest", { date: formatDate(queue.due) })}
    </Text>
  );
}

/** One queue: its count, its clock, and one click to the list filtered to it (per building when several). */
function QueueCard({ queue, partLabel }: { queue: Queue; partLabel: (part: Part) => string }) {
  const { t, i18n } = useTranslation();
  const label = i18n.language.startsWith("en") ? queue.label.en : queue.label.vi;
  const id = `queue-${queue.key.replace(".", "-")}`;
  const late = isLate(queue);
  return (
    <Paper
      component="article"
      aria-labelledby={id}
      data-queue={queue.key}
      withBorder
      p="lg"
      radius="md"
      style={late ? { borderColor: "var(--mantine-color-red-9)", borderLeftWidth: 4 } : undefined}
    >
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text id={id} size="sm" fw={600}>
            {label}
          </Text>
          {late && (
            <Badge color="red.9" variant="filled" radius="sm" tt="none">
              {t("dashboard.late")}
            </Badge>
          )}
        </Group>
        <Text fz={32} fw={700} lh={1.3} c={late ? "red.9" : queue.count === 0 ? "gray.7" : undefined}>
          {queue.count}
        </Text>
        <DueLine queue={queue} />
        {queue.parts.length > 1 && (
          <Stack gap={2} component="ul" m={0} p={0} style={{ listStyle: "none" }}>
            {queue.parts.map((part) => (
              <li key={`${part.buildingId}:${part.period}`}>
                <Anchor component={Link} to={part.link} size="sm">
                  {t("dashboard.part", { name: partLabel(part), count: part.count })}
                </Anchor>
              </li>
            ))}
          </Stack>
        )}
        {queue.count > 0 && (
          <Anchor
            component={Link}
            to={queue.link}
            size="sm"
            fw={600}
            mt={4}
            aria-label={t("dashboard.openNamed", { name: label })}
          >
            {t("dashboard.open")} →
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}

/** The work waiting for the person, queue by queue, as the modules declare it. */
function WorkQueues() {
  const { t } = useTranslation();
  const work = useQuery({ queryKey: [WORK_PATH], queryFn: () => api.GET(WORK_PATH) });
  const buildings = useAllBuildings();
  const names = new Map((buildings.data?.items ?? []).map((b) => [b.id, b.name]));
  const partLabel = (part: Part) => {
    const name = part.buildingId ? (names.get(part.buildingId) ?? "…") : t("dashboard.company");
    return part.period ? `${name} · ${part.period.slice(5)}/${part.period.slice(0, 4)}` : name;
  };

  if (work.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  }
  if (work.isError) return <FormError error={work.error} />;
  const queues = [...work.data.queues].sort((a, b) => rank(a) - rank(b));
  const waiting = queues.some((q) => q.count > 0);
  return (
    <Stack gap="sm" component="section" aria-labelledby="dashboard-work">
      <Title order={2} size="h4" id="dashboard-work">
        {t("dashboard.workTitle")}
      </Title>
      {!waiting && (
        <EmptyState
          icon={<IconClipboard size={28} />}
          variant="light"
          align="left"
          size="sm"
          title={t("dashboard.nothingTitle")}
          description={t("dashboard.nothing")}
          maw={1000}
        />
      )}
      {queues.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} maw={1000}>
          {queues.map((queue) => (
            <QueueCard key={queue.key} queue={queue} partLabel={partLabel} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

/** A company with no building yet: where to start. */
function FirstBuilding() {
  const { t } = useTranslation();
  const addsBuildings = useAbilities()("building", "create");
  const buildings = useAllBuildings();
  if (buildings.data?.total !== 0) return null;
  return (
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
  );
}

/** The console's home: an inbox of the work waiting for the person's role, then the month's collection. */
export function DashboardPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const contextLabel = useContextLabel();
  const billing = useBillingAccess();
  const worksQueues = useAbilities()("work", "read");

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          {t("dashboard.welcome", { name: me.account.displayName })}
        </Title>
        {me.current && <Text c="dimmed">{contextLabel(me.current)}</Text>}
      </div>
      <FirstBuilding />
      {worksQueues && <WorkQueues />}
      {billing.reads && <CollectionSummary />}
    </Stack>
  );
}
