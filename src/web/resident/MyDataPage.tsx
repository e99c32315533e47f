import {
  Anchor,
  Badge,
  Button,
  Center,
  EmptyState,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { FormError } from "../components/forms.js";
import { ItemList } from "../components/ItemList.js";
import { IconUser } from "../components/icons.js";
import { PageHeader } from "../components/Pages.js";
import { useRoleLabel } from "../components/roles.js";
import { StatusBadge } from "../components/StatusBadge.js";
import { formatDateTime, formatDay } from "../format.js";
import { useRegistryWords, VEHICLE_TONES } from "../registry/registry.js";
import { EditRecordModal } from "./privacy/EditRecordModal.js";
import { ExportCard } from "./privacy/ExportCard.js";
import { useFieldWords } from "./privacy/fieldWords.js";
import {
  AccessCardsBlock,
  AccountBlock,
  Block,
  BookingsBlock,
  ConversationsBlock,
  DisclosuresBlock,
  MoneyBlock,
  NotificationsBlock,
  ReceptionBlocks,
  RestrictionNotice,
  TicketsBlock,
} from "./privacy/MyDataSections.js";
import { type DataRecord, useMyData } from "./privacy/privacy.js";

function FieldsBlock({ record, id, onEdit }: { record: DataRecord; id: string; onEdit: () => void }) {
  const { t } = useTranslation();
  const fields = useFieldWords();
  return (
    <Block title={t("myData.fieldsTitle")} id={id}>
      <Group justify="space-between" gap="xs" align="flex-start">
        <Text size="sm" c="dimmed" style={{ flex: 1, minWidth: 200 }}>
          {t("myData.fieldsHint")}
        </Text>
        <Button variant="light" size="compact-sm" onClick={onEdit} aria-label={t("myData.edit.button")}>
          {t("common.edit")}
        </Button>
      </Group>
      <Stack component="dl" gap="md" m={0}>
        {record.fields.map((field) => (
          <div key={field.field}>
            <Text component="dt" size="sm" c="dimmed">
              {fields.label(field.field)}
            </Text>
            <Text component="dd" m={0} fw={600}>
              {fields.value(field.field, field.value)}
            </Text>
            <Text component="dd" m={0} mt={4}>
              <Group component="span" gap={6} align="center">
                <Text component="span" size="sm" c="dimmed">
                  {t("myData.purposes")}:
                </Text>
                {field.purposes.map((purpose) => (
                  <Badge key={purpose.id} variant="outline" color="blue.9" tt="none" radius="sm">
                    {purpose.name}
                  </Badge>
                ))}
              </Group>
            </Text>
            <Text component="dd" m={0} size="sm" c="dimmed">
              {t("myData.retention")}: {field.retention}
            </Text>
          </div>
        ))}
      </Stack>
    </Block>
  );
}

function HouseholdsBlock({ record, id }: { record: DataRecord; id: string }) {
  const { t } = useTranslation();
  const words = useRegistryWords();
  if (record.households.length === 0) return null;
  return (
    <Block title={t("myData.householdsTitle")} id={id}>
      <ItemList label={t("myData.householdsTitle")}>
        {record.households.map((household) => {
          const dates = [
            household.movedInOn && t("household.since", { date: formatDay(household.movedInOn) }),
            household.movedOutOn && t("household.movedOut", { date: formatDay(household.movedOutOn) }),
          ].filter(Boolean);
          return (
            <li key={`${household.unitCode}-${household.role}-${household.movedInOn}`}>
              <Text fw={600}>
                {t("myData.householdLine", { code: household.unitCode, role: words.role(household.role) })}
              </Text>
              {dates.length > 0 && (
                <Text size="sm" c="dimmed">
                  {dates.join(" · ")}
                </Text>
              )}
            </li>
          );
        })}
      </ItemList>
    </Block>
  );
}

function VehiclesBlock({ record, id }: { record: DataRecord; id: string }) {
  const { t } = useTranslation();
  const words = useRegistryWords();
  return (
    <Block title={t("myData.vehiclesTitle")} id={id}>
      {record.vehicles.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("myData.noVehicles")}
        </Text>
      ) : (
        <ItemList label={t("myData.vehiclesTitle")}>
          {record.vehicles.map((vehicle, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: vehicles come without ids and may repeat
            <Group component="li" key={index} gap="xs" justify="space-between" wrap="nowrap">
              <div>
                <Text fw={600}>
                  {words.vehicleType(vehicle.type)} · {vehicle.plate ?? t("vehicles.noPlate")}
                </Text>
                {vehicle.parkingCard && (
                  <Text size="sm" c="dimmed">
                    {t("vehicles.parkingCard")}: {vehicle.parkingCard}
                  </Text>
                )}
              </div>
              <StatusBadge tone={VEHICLE_TONES[vehicle.status]}>
                {words.vehicleStatus(vehicle.status)}
              </StatusBadge>
            </Group>
          ))}
        </ItemList>
      )}
    </Block>
  );
}

function SeenByBlock({ record, id }: { record: DataRecord; id: string }) {
  const { t } = useTranslation();
  const fields = useFieldWords();
  const roleLabel = useRoleLabel();
  return (
    <Block title={t("myData.seenByTitle")} id={id}>
      <Text size="sm" c="dimmed">
        {t("myData.seenByHint")}
      </Text>
      {record.seenBy.length === 0 ? (
        <Text size="sm">{t("myData.seenByEmpty")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={360}>
          <Table aria-label={t("myData.seenByTitle")} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("myData.seenField")}</Table.Th>
                <Table.Th scope="col">{t("myData.seenRole")}</Table.Th>
                <Table.Th scope="col">{t("myData.seenAt")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {record.seenBy.map((seen, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the same field may be seen twice at once
                <Table.Tr key={index}>
                  <Table.Td>{fields.label(seen.field)}</Table.Td>
                  <Table.Td>{seen.role ? roleLabel(seen.role) : t("myData.staff")}</Table.Td>
                  <Table.Td>{formatDateTime(seen.at)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Block>
  );
}

function RecordView({ record, heading }: { record: DataRecord; heading: string | null }) {
  const [editing, setEditing] = useState(false);
  const id = (part: string) => `my-data-${record.residentId}-${part}`;
  return (
    <Stack gap="md">
      {heading && (
        <Title order={2} size="h4">
          {heading}
        </Title>
      )}
      <RestrictionNotice record={record} />
      <FieldsBlock record={record} id={id("fields")} onEdit={() => setEditing(true)} />
      <HouseholdsBlock record={record} id={id("units")} />
      <VehiclesBlock record={record} id={id("vehicles")} />
      <AccessCardsBlock record={record} id={id("cards")} />
      <MoneyBlock record={record} id={id("money")} />
      <SeenByBlock record={record} id={id("seen")} />
      <DisclosuresBlock record={record} id={id("disclosures")} />
      {editing && <EditRecordModal record={record} onClose={() => setEditing(false)} />}
    </Stack>
  );
}

/**
 * "Dữ liệu của tôi": what the management holds about the resident, why, how long, who has seen it and to
 * whom it went; corrected in place and downloaded from here.
 */
export function MyDataPage() {
  const { t } = useTranslation();
  const data = useMyData();

  let body: ReactNode;
  if (data.isPending) {
    body = (
      <Center py="xl">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  } else if (data.isError) {
    body = <FormError error={data.error} />;
  } else {
    const { records, account } = data.data;
    body = (
      <>
        {account && <AccountBlock account={account} />}
        {records.length === 0 ? (
          <EmptyState
            icon={<IconUser size={32} />}
            variant="light"
            title={t("myData.emptyTitle")}
            description={t("myData.empty")}
            py="xl"
          />
        ) : (
          records.map((record, index) => (
            <RecordView
              key={record.residentId}
              record={record}
              heading={records.length > 1 ? t("myData.record", { n: index + 1 }) : null}
            />
          ))
        )}
        <ConversationsBlock conversations={data.data.conversations} />
        <TicketsBlock tickets={data.data.tickets} />
        <BookingsBlock bookings={data.data.bookings} />
        <ReceptionBlocks data={data.data} />
        {data.data.notifications && <NotificationsBlock notifications={data.data.notifications} />}
        <ExportCard />
        <Text size="xs" c="dimmed">
          {t("myData.version", { version: data.data.purposesVersion })}
        </Text>
      </>
    );
  }

  return (
    <Stack maw={720} mx="auto" gap="md">
      <div>
        <PageHeader title={t("myData.title")} />
        <Text c="dimmed">{t("myData.intro")}</Text>
        <Anchor component={Link} to="/app/privacy" size="sm">
          {t("privacyCenter.link")}
        </Anchor>
      </div>
      {body}
    </Stack>
  );
}
