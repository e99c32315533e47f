import {
  Anchor,
  Badge,
  Button,
  EmptyState,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { memo, type ReactNode, useDeferredValue } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useSignedInMe } from "../auth/session.js";
import { useBillingWords } from "../billing/billing.js";
import { IconHome } from "../components/icons.js";
import { formatDay } from "../format.js";
import { StatusBadge } from "../tickets/badges.js";
import { type CardData, type Home, type HomeCard, useResidentHome } from "./home.js";
import { useChosenUnitId } from "./units.js";

function Card({
  id,
  title,
  children,
  tone,
}: {
  id: string;
  title: ReactNode;
  children: ReactNode;
  tone?: string;
}) {
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby={id} bg={tone}>
      <Stack gap="xs">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** Billing's card: what the unit owes, and Pay, which opens the oldest open notice (VietQR and card). */
function AmountDueCard({ data }: { data: CardData<"billing.amountDue"> }) {
  const { t } = useTranslation();
  const words = useBillingWords();
  const more = data.openCount - 1;
  return (
    <Card id="amount-due" title={t("billing.resident.due")} tone="blue.0">
      <Text fz={32} fw={700} lh={1.2}>
        {words.vnd(data.due)}
      </Text>
      {data.oldestDueOn && (
        <Group gap="xs">
          <Text size="sm">{t("billing.resident.dueBy", { date: formatDay(data.oldestDueOn) })}</Text>
          {data.overdue && (
            <Badge color="red.9" variant="filled" tt="none" radius="sm">
              {t("billing.overdue")}
            </Badge>
          )}
        </Group>
      )}
      <Group gap="sm" mt={4}>
        <Button component={Link} to={`/app/invoices/${data.oldestInvoiceId}`} size="md">
          {t("billing.resident.pay")}
        </Button>
        {more > 0 && (
          <Button component={Link} to="/app/invoices" variant="subtle">
            {t("billing.resident.moreOpen", { count: more })}
          </Button>
        )}
      </Group>
    </Card>
  );
}

/** Announcements' card: how many of the building's announcements are unread, and the latest titles. */
function AnnouncementsCard({ data }: { data: CardData<"announcements.unread"> }) {
  const { t } = useTranslation();
  return (
    <Card
      id="home-announcements"
      title={
        <Group gap="xs" component="span">
          {t("resident.home.announcements")}
          <Badge color="red.9" variant="filled" radius="sm" component="span">
            {t("resident.home.unreadCount", { count: data.unread })}
          </Badge>
        </Group>
      }
    >
      <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: "none" }}>
        {data.latest.map((a) => (
          <li key={a.id}>
            <Anchor component={Link} to={`/app/announcements/${a.id}`} fw={600} lineClamp={2} c="inherit">
              {a.title}
            </Anchor>
            <Text size="xs" c="dimmed">
              {formatDay(a.sentAt.slice(0, 10))}
            </Text>
          </li>
        ))}
      </Stack>
      <Anchor component={Link} to="/app/announcements" size="sm">
        {t("resident.home.allAnnouncements")}
      </Anchor>
    </Card>
  );
}

const STATUS_COLOUR = { pending: "yellow.9", approved: "teal.9", rejected: "red.9" } as const;

/** Registry's card: the household's requests to management and where each stands. */
function RequestsCard({ data }: { data: CardData<"registry.requests"> }) {
  const { t } = useTranslation();
  return (
    <Card id="home-requests" title={t("resident.home.requests")}>
      <Stack gap={8} component="ul" m={0} p={0} style={{ listStyle: "none" }}>
        {data.items.map((r) => (
          <Group key={r.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
            <div>
              <Text fw={600}>
                {r.kind === "vehicle"
                  ? t("resident.home.request.vehicle", {
                      type: t(`vehicles.types.${r.vehicleType ?? "car"}`),
                    })
                  : t(`resident.home.request.${r.kind}`)}
              </Text>
              <Text size="xs" c="dimmed">
                {t("resident.home.request.sent", { date: formatDay(r.createdAt.slice(0, 10)) })}
              </Text>
            </div>
            <Badge color={STATUS_COLOUR[r.status]} variant="light" tt="none" radius="sm">
              {t(`resident.home.status.${r.status}`)}
            </Badge>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

/** The resident's tickets about the unit still being worked on, or waiting for their rating. */
function TicketsCard({ data }: { data: CardData<"tickets.open"> }) {
  const { t } = useTranslation();
  return (
    <Card id="home-tickets" title={t("resident.home.tickets")}>
      <Stack gap={8} component="ul" m={0} p={0} style={{ listStyle: "none" }}>
        {data.items.map((ticket) => (
          <Group key={ticket.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
            <Anchor component={Link} to={`/app/tickets/${ticket.id}`} fw={600} size="sm">
              #{ticket.number} {ticket.title}
            </Anchor>
            <StatusBadge status={ticket.status} />
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

/** How each module's card is drawn, by its key; a card the web does not know yet is left out. */
function HomeCardView({ card }: { card: HomeCard }) {
  const { t } = useTranslation();
  switch (card.key) {
    case "billing.amountDue":
      return <AmountDueCard data={card.data} />;
    case "announcements.unread":
      return <AnnouncementsCard data={card.data} />;
    case "registry.requests":
      return <RequestsCard data={card.data} />;
    case "tickets.open":
      return <TicketsCard data={card.data} />;
    case "documents.toAcknowledge":
      return (
        <Card
          id="home-documents"
          title={t("resident.home.documents", { count: card.data.toAcknowledge })}
          tone="orange.0"
        >
          <Anchor
            component={Link}
            to={card.data.toAcknowledge === 1 ? `/app/documents/${card.data.firstId}` : "/app/documents"}
            size="sm"
            fw={600}
          >
            {t("resident.home.documentsLink")}
          </Anchor>
        </Card>
      );
    case "reception.parcels":
      return (
        <Card
          id="home-parcels"
          title={t("resident.home.parcels", { count: card.data.waiting })}
          tone="blue.0"
        >
          <Anchor component={Link} to="/app/parcels" size="sm" fw={600}>
            {t("resident.home.parcelsLink")}
          </Anchor>
        </Card>
      );
    default:
      return null;
  }
}

/** The quick actions the web knows how to name; others wait for their module's web part. */
const ACTIONS = {
  "registry.vehicle": "vehicle",
  "registry.household": "household",
  "conversations.write": "messages",
  "tickets.report": "report",
  "reception.guest": "guest",
  "amenities.book": "book",
  "services.request": "service",
  "marketplace.shop": "shop",
  "announcements.feed": "announcements",
  "surveys.list": "surveys",
  "documents.library": "documents",
} as const;
const isKnownAction = (key: string): key is keyof typeof ACTIONS => key in ACTIONS;

/**
 * Trang chủ: what matters today for the unit looked at, as the modules provide it in one answer (GET /me/home):
 * the amount due with Pay, unread announcements, open requests, then quick actions.
 */
export function HomePage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const unitId = useChosenUnitId();
  const home = useResidentHome(unitId);
  // A query's answer re-renders its readers synchronously (useSyncExternalStore): the cards render from a deferred
  // copy instead, in slices between which the browser can paint and answer (they were one 100 ms task on a phone).
  const data = useDeferredValue(home.data);
  return (
    <Stack maw={720} mx="auto" gap="md">
      <div>
        <Title order={1} size="h2">
          {t("resident.home.title", { name: me.account.displayName })}
        </Title>
        {data && (
          <Text c="dimmed" size="sm">
            {t("household.unit", { code: data.unitCode })}
          </Text>
        )}
      </div>
      {data ? (
        <HomeBody home={data} />
      ) : (
        unitId && !home.isError && <Skeleton height={180} radius="md" aria-label={t("common.loading")} />
      )}
    </Stack>
  );
}

/** The cards and quick actions of a home; the same home renders nothing again. */
const HomeBody = memo(function HomeBody({ home }: { home: Home }) {
  const { t } = useTranslation();
  const actions = home.actions.filter((a) => isKnownAction(a.key));
  return (
    <>
      {home.cards.map((card) => (
        <HomeCardView key={card.key} card={card} />
      ))}
      {home.cards.length === 0 && (
        <EmptyState
          icon={<IconHome size={32} />}
          variant="light"
          title={t("resident.home.emptyTitle")}
          description={t("resident.home.empty")}
          py="lg"
        />
      )}
      {actions.length > 0 && (
        <section aria-labelledby="quick-actions">
          <Title order={2} size="h4" id="quick-actions" mb="xs">
            {t("resident.home.actions.title")}
          </Title>
          <SimpleGrid cols={2} spacing="sm">
            {actions.map((a) => (
              <Button
                key={a.key}
                component={Link}
                to={a.to}
                variant="light"
                size="md"
                h="auto"
                mih={42}
                py={8}
                styles={{ label: { whiteSpace: "normal", textAlign: "center", lineHeight: 1.3 } }}
              >
                {t(`resident.home.actions.${ACTIONS[a.key as keyof typeof ACTIONS]}`)}
              </Button>
            ))}
          </SimpleGrid>
        </section>
      )}
    </>
  );
});
