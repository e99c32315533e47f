import {
  Anchor,
  Checkbox,
  EmptyState,
  Group,
  NativeSelect,
  Paper,
  ScrollArea,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  UnstyledButton,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { TicketCategory } from "../../../contracts/tickets.js";
import { api } from "../../api.js";
import { FormError } from "../../components/forms.js";
import { IconTool } from "../../components/icons.js";
import { type Column, PagedTable } from "../../components/PagedTable.js";
import { PageHeader } from "../../components/Pages.js";
import { usePagedList } from "../../components/usePagedList.js";
import { formatDateTime } from "../../format.js";
import { useLiveStream } from "../../live.js";
import { PriorityBadge, StatusBadge } from "../../tickets/badges.js";
import { CATEGORIES, STATUSES, TICKETS_PATH, type TicketLine } from "../../tickets/tickets.js";
import { useAbilities } from "../access.js";
import { useAllBuildings } from "../buildings/buildings.js";
import { TicketDrawer } from "./TicketDrawer.js";

const BOARD_PATH = "/tickets/board";
type View = "list" | "board" | "figures";
type Filters = { buildingId: string; status: string; category: string; assigned: string; overdue: boolean };

/** The time that matters now: the response time until answered, then the resolution time; red once missed. */
function DueCell({ ticket }: { ticket: TicketLine }) {
  const { t } = useTranslation();
  if (ticket.status === "closed" || ticket.status === "resolved") return <Text size="sm">—</Text>;
  const answering = ticket.sla.respondedAt === null;
  const late = answering ? ticket.sla.responseBreached : ticket.sla.resolutionBreached;
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {answering ? t("ticketDesk.respondBy") : t("ticketDesk.resolveBy")}
      </Text>
      <Text size="sm" fw={late ? 700 : 400} c={late ? "red.9" : undefined}>
        {formatDateTime(answering ? ticket.sla.respondBy : ticket.sla.resolveBy)}
        {late && ` · ${t("ticketDesk.late")}`}
      </Text>
    </Stack>
  );
}

function Card({ ticket, onOpen }: { ticket: TicketLine; onOpen: () => void }) {
  const { t } = useTranslation();
  const late = ticket.sla.responseBreached || ticket.sla.resolutionBreached;
  return (
    <Paper withBorder p="xs" radius="md" component="li" bg={late ? "red.0" : undefined}>
      <UnstyledButton onClick={onOpen} display="block" w="100%">
        <Group justify="space-between" gap={4} wrap="nowrap">
          <Text size="xs" c="dimmed">
            #{ticket.number} · {ticket.unitCode}
          </Text>
          <PriorityBadge priority={ticket.priority} />
        </Group>
        <Text size="sm" fw={600} lineClamp={2}>
          {ticket.title}
        </Text>
        <Text size="xs" c={late ? "red.9" : "dimmed"}>
          {t(`tickets.categories.${ticket.category}`)} · {ticket.assignedTo?.name ?? t("ticketDesk.nobody")}
          {late && ` · ${t("ticketDesk.late")}`}
        </Text>
      </UnstyledButton>
    </Paper>
  );
}

function Board({ filters, open }: { filters: Filters; open: (id: string) => void }) {
  const { t } = useTranslation();
  const query = {
    buildingId: filters.buildingId || undefined,
    category: (filters.category || undefined) as TicketCategory | undefined,
    assigned: filters.assigned || undefined,
  };
  const board = useQuery({
    queryKey: [BOARD_PATH, query],
    queryFn: () => api.GET(BOARD_PATH, { params: { query } }),
  });
  if (board.error) return <FormError error={board.error} />;
  return (
    <ScrollArea type="auto" offsetScrollbars>
      <Group align="flex-start" wrap="nowrap" gap="sm" pb="sm">
        {(board.data?.columns ?? []).map((column) => (
          <Paper
            key={column.status}
            withBorder
            radius="md"
            p="xs"
            w={260}
            bg="gray.0"
            style={{ flexShrink: 0 }}
          >
            <Group justify="space-between" mb="xs">
              <StatusBadge status={column.status} />
              <Text size="sm" fw={700} aria-label={t("ticketDesk.columnCount", { count: column.total })}>
                {column.total}
              </Text>
            </Group>
            <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
              {column.items.map((ticket) => (
                <Card key={ticket.id} ticket={ticket} onOpen={() => open(ticket.id)} />
              ))}
            </Stack>
            {column.total > column.items.length && (
              <Text size="xs" c="dimmed" mt="xs">
                {t("ticketDesk.more", { count: column.total - column.items.length })}
              </Text>
            )}
          </Paper>
        ))}
      </Group>
    </ScrollArea>
  );
}

const percent = (v: number | null) => (v === null ? "—" : `${Math.round(v * 100)}%`);

function Figures({ buildingId }: { buildingId: string }) {
  const { t } = useTranslation();
  const query = { buildingId: buildingId || undefined, days: 30 };
  const stats = useQuery({
    queryKey: [TICKETS_PATH, "stats", query],
    queryFn: () => api.GET("/tickets/stats", { params: { query } }),
  });
  if (stats.error) return <FormError error={stats.error} />;
  const s = stats.data;
  if (!s) return null;
  const head = (
    <Table.Tr>
      <Table.Th />
      <Table.Th>{t("ticketDesk.figures.total")}</Table.Th>
      <Table.Th>{t("ticketDesk.figures.open")}</Table.Th>
      <Table.Th>{t("ticketDesk.figures.overdue")}</Table.Th>
      <Table.Th>{t("ticketDesk.figures.respondedInTime")}</Table.Th>
      <Table.Th>{t("ticketDesk.figures.resolvedInTime")}</Table.Th>
      <Table.Th>{t("ticketDesk.figures.median")}</Table.Th>
      <Table.Th>{t("ticketDesk.figures.rating")}</Table.Th>
    </Table.Tr>
  );
  const row = (key: string, label: string, f: typeof s.overall) => (
    <Table.Tr key={key}>
      <Table.Th scope="row">{label}</Table.Th>
      <Table.Td>{f.total}</Table.Td>
      <Table.Td>{f.open}</Table.Td>
      <Table.Td c={f.overdue > 0 ? "red.9" : undefined}>{f.overdue}</Table.Td>
      <Table.Td>{percent(f.respondedInTime)}</Table.Td>
      <Table.Td>{percent(f.resolvedInTime)}</Table.Td>
      <Table.Td>
        {f.medianResolveMinutes === null
          ? "—"
          : t("ticketDesk.figures.hours", { hours: (f.medianResolveMinutes / 60).toFixed(1) })}
      </Table.Td>
      <Table.Td>{f.averageRating === null ? "—" : `${f.averageRating.toFixed(1)}/5`}</Table.Td>
    </Table.Tr>
  );
  const figure = (label: string, value: string) => (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </Paper>
  );
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t("ticketDesk.figures.period", { days: s.days })}
      </Text>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {figure(t("ticketDesk.figures.total"), String(s.overall.total))}
        {figure(t("ticketDesk.figures.overdue"), String(s.overall.overdue))}
        {figure(t("ticketDesk.figures.respondedInTime"), percent(s.overall.respondedInTime))}
        {figure(t("ticketDesk.figures.resolvedInTime"), percent(s.overall.resolvedInTime))}
      </SimpleGrid>
      <Table.ScrollContainer minWidth={800}>
        <Table striped aria-label={t("ticketDesk.figures.byCategory")}>
          <Table.Caption>{t("ticketDesk.figures.byCategory")}</Table.Caption>
          <Table.Thead>{head}</Table.Thead>
          <Table.Tbody>
            {s.byCategory.map((c) => row(c.category, t(`tickets.categories.${c.category}`), c))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Table.ScrollContainer minWidth={800}>
        <Table striped aria-label={t("ticketDesk.figures.byAssignee")}>
          <Table.Caption>{t("ticketDesk.figures.byAssignee")}</Table.Caption>
          <Table.Thead>{head}</Table.Thead>
          <Table.Tbody>{s.byAssignee.map((a) => row(a.accountId, a.name, a))}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/**
 * Phản ánh: the desk of residents' tickets — a list that filters and finds, a board by status, and the service
 * figures; a ticket opens in a drawer (its id in the address, so a link or a notification opens it). A technician
 * sees the tickets assigned to them, on a phone as well.
 */
export default function TicketsPage() {
  const { t } = useTranslation();
  const can = useAbilities();
  const manages = can("ticket", "assign");
  const [params, setParams] = useSearchParams();
  const set = (key: string, value: string) =>
    setParams((p) => {
      if (value) p.set(key, value);
      else p.delete(key);
      return p;
    });
  const view = (params.get("view") as View | null) ?? "list";
  const filters: Filters = {
    buildingId: params.get("buildingId") ?? "",
    status: params.get("status") ?? (manages ? "" : "open"),
    category: params.get("category") ?? "",
    assigned: params.get("assigned") ?? "",
    overdue: params.get("overdue") === "true",
  };
  const buildings = useAllBuildings();
  useLiveStream({ tickets: [TICKETS_PATH, BOARD_PATH] }, true);
  const list = usePagedList(TICKETS_PATH, {
    buildingId: filters.buildingId || undefined,
    status: filters.status || undefined,
    category: filters.category || undefined,
    assigned: filters.assigned || undefined,
    overdue: filters.overdue ? "true" : undefined,
  });
  const openId = params.get("open");
  const open = (id: string) => set("open", id);
  const columns: Column<TicketLine>[] = [
    { header: "#", cell: (x) => x.number },
    {
      header: t("ticketDesk.title"),
      cell: (x) => (
        <Anchor component="button" type="button" size="sm" fw={600} ta="left" onClick={() => open(x.id)}>
          {x.title}
        </Anchor>
      ),
    },
    {
      header: t("ticketDesk.where"),
      cell: (x) =>
        x.location === "unit" ? x.unitCode : `${t(`tickets.locations.${x.location}`)} · ${x.unitCode}`,
    },
    { header: t("tickets.category"), cell: (x) => t(`tickets.categories.${x.category}`), visibleFrom: "md" },
    {
      header: t("ticketDesk.status"),
      cell: (x) => (
        <Group gap={4} wrap="nowrap">
          <StatusBadge status={x.status} />
          <PriorityBadge priority={x.priority} />
        </Group>
      ),
    },
    {
      header: t("ticketDesk.assignee"),
      cell: (x) => x.assignedTo?.name ?? t("ticketDesk.nobody"),
      visibleFrom: "sm",
    },
    { header: t("ticketDesk.due"), cell: (x) => <DueCell ticket={x} /> },
  ];
  const filterBar = (
    <Group gap="sm" align="flex-end">
      {(buildings.data?.items.length ?? 0) > 1 && (
        <NativeSelect
          label={t("ticketDesk.building")}
          data={[
            { value: "", label: t("common.all") },
            ...(buildings.data?.items ?? []).map((b) => ({ value: b.id, label: b.name })),
          ]}
          value={filters.buildingId}
          onChange={(event) => set("buildingId", event.currentTarget.value)}
          w={{ base: "100%", xs: 200 }}
        />
      )}
      {view === "list" && (
        <NativeSelect
          label={t("ticketDesk.status")}
          data={[
            { value: "", label: t("common.all") },
            { value: "open", label: t("ticketDesk.openOnly") },
            ...STATUSES.map((value) => ({ value, label: t(`tickets.statuses.${value}`) })),
          ]}
          value={filters.status}
          onChange={(event) => set("status", event.currentTarget.value)}
          w={{ base: "100%", xs: 180 }}
        />
      )}
      {view !== "figures" && (
        <NativeSelect
          label={t("tickets.category")}
          data={[
            { value: "", label: t("common.all") },
            ...CATEGORIES.map((value) => ({ value, label: t(`tickets.categories.${value}`) })),
          ]}
          value={filters.category}
          onChange={(event) => set("category", event.currentTarget.value)}
          w={{ base: "100%", xs: 180 }}
        />
      )}
      {manages && view !== "figures" && (
        <NativeSelect
          label={t("ticketDesk.assignee")}
          data={[
            { value: "", label: t("common.all") },
            { value: "me", label: t("ticketDesk.assignedMe") },
            { value: "none", label: t("ticketDesk.nobody") },
          ]}
          value={filters.assigned}
          onChange={(event) => set("assigned", event.currentTarget.value)}
          w={{ base: "100%", xs: 180 }}
        />
      )}
      {view === "list" && (
        <Checkbox
          label={t("ticketDesk.overdueOnly")}
          checked={filters.overdue}
          onChange={(event) => set("overdue", event.currentTarget.checked ? "true" : "")}
          mb={8}
        />
      )}
    </Group>
  );
  return (
    <>
      <PageHeader
        title={t("nav.tickets")}
        action={
          manages && (
            <SegmentedControl
              value={view}
              onChange={(v) => set("view", v === "list" ? "" : v)}
              aria-label={t("ticketDesk.view")}
              data={[
                { value: "list", label: t("ticketDesk.views.list") },
                { value: "board", label: t("ticketDesk.views.board") },
                { value: "figures", label: t("ticketDesk.views.figures") },
              ]}
            />
          )
        }
      />
      {view === "list" && (
        <PagedTable
          list={list}
          columns={columns}
          label={t("ticketDesk.listLabel")}
          minWidth={640}
          onOpen={(x) => open(x.id)}
          searchLabel={t("ticketDesk.search")}
          filters={filterBar}
          empty={
            <EmptyState
              icon={<IconTool size={32} />}
              variant="light"
              title={manages ? t("ticketDesk.empty") : t("ticketDesk.emptyTechnician")}
              description={manages ? t("ticketDesk.emptyHint") : t("ticketDesk.emptyTechnicianHint")}
              py="lg"
            />
          }
        />
      )}
      {view === "board" && (
        <Stack>
          {filterBar}
          <Board filters={filters} open={open} />
        </Stack>
      )}
      {view === "figures" && (
        <Stack>
          {filterBar}
          <Figures buildingId={filters.buildingId} />
        </Stack>
      )}
      {openId && <TicketDrawer id={openId} onClose={() => set("open", "")} />}
    </>
  );
}
