import { Alert, Badge, Button, DataList, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { priceText } from "../../amenities/amenities.js";
import { INVOICE_STATUSES, type InvoiceStatus, useBillingWords } from "../../billing/billing.js";
import { FormError } from "../../components/forms.js";
import { ItemList } from "../../components/ItemList.js";
import { StatusBadge } from "../../components/StatusBadge.js";
import { formatDate, formatDateTime, formatDay } from "../../format.js";
import { useFieldWords } from "./fieldWords.js";
import { type DataRecord, type MyData, useLiftRestriction } from "./privacy.js";
import { usePrivacyWords } from "./words.js";

/** One part of the data held, under its own heading. */
export function Block({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={3} size="h5" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

function Entry({ title, aside, lines }: { title: ReactNode; aside?: ReactNode; lines: ReactNode[] }) {
  return (
    <li>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Text fw={600}>{title}</Text>
        {aside}
      </Group>
      {lines.filter(Boolean).map((line, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed lines of one entry
        <Text key={index} size="sm" c="dimmed">
          {line}
        </Text>
      ))}
    </li>
  );
}

const none = (label: string) => (
  <Text size="sm" c="dimmed">
    {label}
  </Text>
);

/** The account on the installation: what it holds and where it is signed in. */
export function AccountBlock({ account }: { account: NonNullable<MyData["account"]> }) {
  const { t } = useTranslation();
  const fields = useFieldWords();
  return (
    <Block title={t("myData.accountTitle")} id="my-data-account">
      <DataList labelWidth={120}>
        {[
          [t("myData.account.displayName"), account.displayName],
          [t("myData.fields.email"), account.email ?? "—"],
          [t("myData.fields.phone"), account.phone ?? "—"],
          [t("myData.account.lang"), fields.value("preferredLang", account.lang)],
          [t("myData.account.createdAt"), formatDate(account.createdAt)],
        ].map(([label, value]) => (
          <DataList.Item key={label}>
            <DataList.ItemLabel>{label}</DataList.ItemLabel>
            <DataList.ItemValue>{value}</DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
      <Title order={4} size="h6" id="my-data-sessions">
        {t("myData.account.sessions")}
      </Title>
      {account.sessions.length === 0 ? (
        none(t("myData.account.noSessions"))
      ) : (
        <ItemList label={t("myData.account.sessions")}>
          {account.sessions.map((session, index) => (
            <Entry
              // biome-ignore lint/suspicious/noArrayIndexKey: sessions come without ids
              key={index}
              title={session.device ?? t("myData.account.unknownDevice")}
              lines={[
                t("myData.account.lastUsed", { time: formatDateTime(session.lastUsedAt) }),
                session.ip && t("myData.account.ip", { ip: session.ip }),
              ]}
            />
          ))}
        </ItemList>
      )}
    </Block>
  );
}

/** When the resident asked to restrict processing: only storage goes on, until they lift it. */
export function RestrictionNotice({ record }: { record: DataRecord }) {
  const { t } = useTranslation();
  const lift = useLiftRestriction();
  if (!record.restrictedAt) return null;
  return (
    <Alert color="yellow" variant="light" title={t("myData.restricted.title")}>
      <Stack gap="xs">
        <Text size="sm">{t("myData.restricted.text", { date: formatDate(record.restrictedAt) })}</Text>
        <Group>
          <Button
            size="xs"
            variant="white"
            onClick={() => lift.mutate(record.residentId)}
            loading={lift.isPending}
          >
            {t("myData.restricted.lift")}
          </Button>
        </Group>
        <FormError error={lift.error} />
      </Stack>
    </Alert>
  );
}

export function AccessCardsBlock({ record, id }: { record: DataRecord; id: string }) {
  const { t } = useTranslation();
  return (
    <Block title={t("myData.cardsTitle")} id={id}>
      {record.accessCards.length === 0 ? (
        none(t("myData.noCards"))
      ) : (
        <ItemList label={t("myData.cardsTitle")}>
          {record.accessCards.map((card) => (
            <Entry
              key={`${card.kind}-${card.number}`}
              title={`${t(`myData.cardKinds.${card.kind}`)} · ${card.number}`}
              aside={
                <StatusBadge tone={card.deactivatedOn ? "inactive" : "positive"}>
                  {card.deactivatedOn ? t("myData.cardInactive") : t("myData.cardActive")}
                </StatusBadge>
              }
              lines={[
                card.deactivatedOn && t("myData.cardDeactivated", { date: formatDay(card.deactivatedOn) }),
              ]}
            />
          ))}
        </ItemList>
      )}
    </Block>
  );
}

/** Fee notices and payments: kept for accounting even after an erasure, so the resident sees them too. */
export function MoneyBlock({ record, id }: { record: DataRecord; id: string }) {
  const { t } = useTranslation();
  const billing = useBillingWords();
  const isStatus = (value: string): value is InvoiceStatus =>
    INVOICE_STATUSES.some((known) => known === value);
  const status = (value: string) => (isStatus(value) ? billing.status(value) : value);
  return (
    <Block title={t("myData.moneyTitle")} id={id}>
      <Title order={4} size="h6">
        {t("myData.invoices")}
      </Title>
      {record.invoices.length === 0 ? (
        none(t("myData.noInvoices"))
      ) : (
        <ItemList label={t("myData.invoices")}>
          {record.invoices.map((invoice) => (
            <Entry
              key={invoice.code}
              title={`${billing.period(invoice.period)} · ${invoice.unitCode}`}
              aside={
                <Text fw={600} style={{ whiteSpace: "nowrap" }}>
                  {billing.vnd(invoice.total)}
                </Text>
              }
              lines={[
                `${invoice.number ?? invoice.code} · ${status(invoice.status)}`,
                t("myData.paidOf", { paid: billing.vnd(invoice.paid) }),
                invoice.billTo && t("myData.billTo", { name: invoice.billTo }),
              ]}
            />
          ))}
        </ItemList>
      )}
      <Title order={4} size="h6">
        {t("myData.payments")}
      </Title>
      {record.payments.length === 0 ? (
        none(t("myData.noPayments"))
      ) : (
        <ItemList label={t("myData.payments")}>
          {record.payments.map((payment, index) => (
            <Entry
              // biome-ignore lint/suspicious/noArrayIndexKey: payments come without ids
              key={index}
              title={`${formatDateTime(payment.receivedAt)} · ${payment.unitCode}`}
              aside={
                <Text fw={600} style={{ whiteSpace: "nowrap" }}>
                  {billing.vnd(payment.amount)}
                </Text>
              }
              lines={[
                billing.method(payment.method),
                payment.receiptNumber && t("myData.receipt", { number: payment.receiptNumber }),
              ]}
            />
          ))}
        </ItemList>
      )}
    </Block>
  );
}

/** Every release outside the building's staff: to whom, what, why and on what basis. */
export function DisclosuresBlock({ record, id }: { record: DataRecord; id: string }) {
  const { t } = useTranslation();
  const words = usePrivacyWords();
  const fields = useFieldWords();
  return (
    <Block title={t("myData.disclosuresTitle")} id={id}>
      {record.disclosures.length === 0 ? (
        none(t("myData.noDisclosures"))
      ) : (
        <ItemList label={t("myData.disclosuresTitle")}>
          {record.disclosures.map((disclosure, index) => (
            <Entry
              // biome-ignore lint/suspicious/noArrayIndexKey: disclosures come without ids
              key={index}
              title={disclosure.recipient}
              aside={
                <Badge variant="outline" color="blue.9" tt="none" radius="sm" style={{ flexShrink: 0 }}>
                  {words.recipientKind(disclosure.recipientKind)}
                </Badge>
              }
              lines={[
                t("myData.disclosure.fields", { fields: disclosure.fields.map(fields.label).join(", ") }),
                t("myData.disclosure.purpose", { purpose: disclosure.purpose }),
                t("myData.disclosure.basis", { basis: words.basis(disclosure.legalBasis) }),
                formatDateTime(disclosure.at),
              ]}
            />
          ))}
        </ItemList>
      )}
    </Block>
  );
}

/** The conversations the person opened with the management, each message as it was written. */
export function ConversationsBlock({ conversations }: { conversations: MyData["conversations"] }) {
  const { t } = useTranslation();
  return (
    <Block title={t("myData.conversations.title")} id="my-data-conversations">
      {conversations.length === 0 ? (
        none(t("myData.conversations.none"))
      ) : (
        <ItemList label={t("myData.conversations.title")}>
          {conversations.map((c, index) => (
            <Entry
              // biome-ignore lint/suspicious/noArrayIndexKey: conversations come without ids here
              key={index}
              title={`${c.topic} (${c.unitCode})`}
              lines={[
                t("myData.conversations.opened", { time: formatDateTime(c.openedAt) }),
                ...c.messages.map(
                  (m) =>
                    `${m.fromStaff ? t("myData.conversations.management") : t("myData.conversations.you")}: ${m.body}${
                      m.photos > 0 ? ` (${t("myData.conversations.photos", { count: m.photos })})` : ""
                    }`,
                ),
              ]}
            />
          ))}
        </ItemList>
      )}
    </Block>
  );
}

/** The tickets the person reported, with what they and the management wrote in them. */
export function TicketsBlock({ tickets }: { tickets: MyData["tickets"] }) {
  const { t } = useTranslation();
  return (
    <Block title={t("myData.tickets.title")} id="my-data-tickets">
      {tickets.length === 0 ? (
        none(t("myData.tickets.none"))
      ) : (
        <ItemList label={t("myData.tickets.title")}>
          {tickets.map((k) => (
            <Entry
              key={k.number}
              title={`#${k.number} ${k.title} (${k.unitCode})`}
              lines={[
                `${t(`tickets.categories.${k.category}`, { defaultValue: k.category })} · ${t(
                  `tickets.statuses.${k.status}`,
                  { defaultValue: k.status },
                )} · ${formatDateTime(k.openedAt)}`,
                k.description,
                ...(k.photos > 0 ? [t("myData.conversations.photos", { count: k.photos })] : []),
                ...(k.rating !== null
                  ? [t("myData.tickets.rating", { rating: k.rating, comment: k.ratingComment ?? "" })]
                  : []),
                ...k.messages.map(
                  (m) =>
                    `${m.fromStaff ? t("myData.conversations.management") : t("myData.conversations.you")}: ${m.body}`,
                ),
              ]}
            />
          ))}
        </ItemList>
      )}
    </Block>
  );
}

/** The amenities the person booked, with what was charged for each. */
export function BookingsBlock({ bookings }: { bookings: MyData["bookings"] }) {
  const { t, i18n } = useTranslation();
  return (
    <Block title={t("myData.bookings.title")} id="my-data-bookings">
      {bookings.length === 0 ? (
        none(t("myData.bookings.none"))
      ) : (
        <ItemList label={t("myData.bookings.title")}>
          {bookings.map((b) => (
            <Entry
              key={`${b.amenity}-${b.startsAt}`}
              title={`${b.amenity} (${b.unitCode})`}
              lines={[
                `${formatDateTime(b.startsAt)} · ${t(`bookings.statuses.${b.status as "booked"}`)}`,
                priceText(t, i18n.language, b),
                ...(b.note ? [b.note] : []),
              ]}
            />
          ))}
        </ItemList>
      )}
    </Block>
  );
}

/** The guests the person registered at reception, and their households' parcels. */
export function ReceptionBlocks({ data }: { data: Pick<MyData, "guestPasses" | "parcels"> }) {
  const { t } = useTranslation();
  return (
    <>
      <Block title={t("myData.guestPasses.title")} id="my-data-guests">
        {data.guestPasses.length === 0 ? (
          none(t("myData.guestPasses.none"))
        ) : (
          <ItemList label={t("myData.guestPasses.title")}>
            {data.guestPasses.map((g) => (
              <Entry
                key={`${g.guestName}-${g.validFrom}`}
                title={`${g.guestName} (${g.unitCode})`}
                lines={[
                  `${formatDateTime(g.validFrom)} – ${formatDateTime(g.validUntil)}`,
                  [t("guests.people", { count: g.guests }), g.plate].filter(Boolean).join(" · "),
                ]}
              />
            ))}
          </ItemList>
        )}
      </Block>
      <Block title={t("myData.parcels.title")} id="my-data-parcels">
        {data.parcels.length === 0 ? (
          none(t("myData.parcels.none"))
        ) : (
          <ItemList label={t("myData.parcels.title")}>
            {data.parcels.map((p) => (
              <Entry
                key={`${p.unitCode}-${p.receivedAt}`}
                title={`${p.carrier} (${p.unitCode})`}
                lines={[
                  t("parcels.received", { time: formatDateTime(p.receivedAt) }),
                  ...(p.pickedUpAt ? [t("parcels.pickedUp", { time: formatDateTime(p.pickedUpAt) })] : []),
                ]}
              />
            ))}
          </ItemList>
        )}
      </Block>
    </>
  );
}

/** How the person chose to be told, and the browsers that receive push. */
export function NotificationsBlock({
  notifications,
}: {
  notifications: NonNullable<MyData["notifications"]>;
}) {
  const { t } = useTranslation();
  const changed = Object.keys(notifications.choices).length;
  return (
    <Block title={t("myData.notifications.title")} id="my-data-notifications">
      <DataList labelWidth={160}>
        {[
          [t("myData.notifications.choices"), t("myData.notifications.changed", { count: changed })],
          [
            t("myData.notifications.quietHours"),
            notifications.quietHours
              ? `${notifications.quietHours.from}–${notifications.quietHours.to}`
              : "—",
          ],
          [t("myData.notifications.deliveries"), String(notifications.deliveries)],
        ].map(([label, value]) => (
          <DataList.Item key={label}>
            <DataList.ItemLabel>{label}</DataList.ItemLabel>
            <DataList.ItemValue>{value}</DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
      {notifications.devices.length > 0 && (
        <ItemList label={t("myData.notifications.devices")}>
          {notifications.devices.map((d, index) => (
            <Entry
              // biome-ignore lint/suspicious/noArrayIndexKey: devices come without ids here
              key={index}
              title={d.label ?? t("myData.account.unknownDevice")}
              lines={[t("myData.notifications.since", { time: formatDateTime(d.since) })]}
            />
          ))}
        </ItemList>
      )}
    </Block>
  );
}
