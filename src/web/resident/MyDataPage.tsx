import { Badge, Center, EmptyState, Group, Loader, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { MyData as MyDataSchema } from "../../contracts/index.js";
import { api } from "../api.js";
import { FormError } from "../components/forms.js";
import { IconUser } from "../components/icons.js";
import { PageHeader } from "../components/Pages.js";
import { useRoleLabel } from "../components/roles.js";
import { StatusBadge } from "../components/StatusBadge.js";
import { formatDateTime, formatDay } from "../format.js";
import { currentLang, i18n } from "../i18n.js";
import { useRegistryWords, VEHICLE_TONES } from "../registry/registry.js";

type MyData = z.infer<typeof MyDataSchema>;
type DataRecord = MyData["records"][number];
type HeldField = DataRecord["fields"][number];

const MY_DATA_PATH = "/my/data";

/** Field names as the server sends them, "resident.phone" (held data) or "phone" (a reveal). */
const FIELD_NAMES = [
  "fullName",
  "phone",
  "email",
  "dateOfBirth",
  "idNumber",
  "nationality",
  "contactAddress",
  "preferredLang",
] as const;
type FieldName = (typeof FIELD_NAMES)[number];

function fieldName(field: string): FieldName | null {
  const name = field.startsWith("resident.") ? field.slice("resident.".length) : field;
  return FIELD_NAMES.find((known) => known === name) ?? null;
}

function countryName(code: string): string {
  try {
    return new Intl.DisplayNames([currentLang()], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Words for the fields and how their values read. */
function useFieldWords() {
  const { t } = useTranslation();
  return {
    label: (field: string) => {
      const name = fieldName(field);
      return name ? t(`myData.fields.${name}`) : field;
    },
    value: (field: HeldField) => {
      const name = fieldName(field.field);
      const value = field.value ?? "—";
      if (name === "dateOfBirth" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDay(value);
      if (name === "nationality" && /^[A-Z]{2}$/.test(value)) return countryName(value);
      if (name === "preferredLang" && (value === "vi" || value === "en")) return i18n.t(`language.${value}`);
      return value;
    },
  };
}

function Block({ title, id, children }: { title: string; id: string; children: ReactNode }) {
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

function RecordView({ record, heading }: { record: DataRecord; heading: string | null }) {
  const { t } = useTranslation();
  const words = useRegistryWords();
  const fields = useFieldWords();
  const roleLabel = useRoleLabel();
  const id = (part: string) => `my-data-${record.residentId}-${part}`;
  return (
    <Stack gap="md">
      {heading && (
        <Title order={2} size="h4">
          {heading}
        </Title>
      )}
      <Block title={t("myData.fieldsTitle")} id={id("fields")}>
        <Stack component="dl" gap="md" m={0}>
          {record.fields.map((field) => (
            <div key={field.field}>
              <Text component="dt" size="sm" c="dimmed">
                {fields.label(field.field)}
              </Text>
              <Text component="dd" m={0} fw={600}>
                {fields.value(field)}
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

      {record.households.length > 0 && (
        <Block title={t("myData.householdsTitle")} id={id("units")}>
          <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: "none" }}>
            {record.households.map((household) => {
              const dates = [
                household.movedInOn && t("household.since", { date: formatDay(household.movedInOn) }),
                household.movedOutOn && t("household.movedOut", { date: formatDay(household.movedOutOn) }),
              ].filter(Boolean);
              return (
                <li key={`${household.unitCode}-${household.role}-${household.movedInOn}`}>
                  <Text fw={600}>
                    {t("myData.householdLine", {
                      code: household.unitCode,
                      role: words.role(household.role),
                    })}
                  </Text>
                  {dates.length > 0 && (
                    <Text size="sm" c="dimmed">
                      {dates.join(" · ")}
                    </Text>
                  )}
                </li>
              );
            })}
          </Stack>
        </Block>
      )}

      <Block title={t("myData.vehiclesTitle")} id={id("vehicles")}>
        {record.vehicles.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("myData.noVehicles")}
          </Text>
        ) : (
          <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: "none" }}>
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
          </Stack>
        )}
      </Block>

      <Block title={t("myData.seenByTitle")} id={id("seen")}>
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
    </Stack>
  );
}

/** "Dữ liệu của tôi": what the management holds about the resident, why, how long, and who has seen it. */
export function MyDataPage() {
  const { t } = useTranslation();
  const data = useQuery({ queryKey: [MY_DATA_PATH], queryFn: () => api.get<MyData>(MY_DATA_PATH) });

  let body: ReactNode;
  if (data.isPending) {
    body = (
      <Center py="xl">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  } else if (data.isError) {
    body = <FormError error={data.error} />;
  } else if (data.data.records.length === 0) {
    body = (
      <EmptyState
        icon={<IconUser size={32} />}
        variant="light"
        title={t("myData.emptyTitle")}
        description={t("myData.empty")}
        py="xl"
      />
    );
  } else {
    const records = data.data.records;
    body = (
      <>
        {records.map((record, index) => (
          <RecordView
            key={record.residentId}
            record={record}
            heading={records.length > 1 ? t("myData.record", { n: index + 1 }) : null}
          />
        ))}
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
      </div>
      {body}
    </Stack>
  );
}
