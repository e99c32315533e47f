import {
  Alert,
  Anchor,
  Button,
  EmptyState,
  Group,
  Paper,
  ScrollArea,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiError, api } from "../../api.js";
import {
  FEE_RULES_PATH,
  METER_KINDS,
  type MeterKind,
  missingReadingsPath,
  READINGS_PATH,
  type Reading,
  shiftPeriod,
  useBillingWords,
} from "../../billing/billing.js";
import { FormError } from "../../components/forms.js";
import { IconClipboard } from "../../components/icons.js";
import { type Column, PagedTable } from "../../components/PagedTable.js";
import { usePagedList } from "../../components/usePagedList.js";
import { formatDay, parseDay, today } from "../../format.js";
import { type BillingAccess, useBillingAccess } from "../access.js";
import { useFloorGrid } from "../units/units.js";
import { ReadingsImportButton } from "./ReadingsImport.js";
import { Section, SectionLoader, WARNING_STYLES } from "./Section.js";
import { BillingPage, type BillingScope, billingLink } from "./scope.js";

type UnitRef = { unitId: string; unitCode: string };

/** Every reading of a building's meters of one kind for a period (a page of 100 at a time, at most 5,000). */
async function allReadings(buildingId: string, period: string, kind: MeterKind): Promise<Reading[]> {
  const items: Reading[] = [];
  for (let page = 1; page <= 50; page++) {
    const data = await api.GET(READINGS_PATH, {
      params: {
        query: {
          buildingId,
          period,
          kind,
          page,
          pageSize: 100,
        },
      },
    });
    items.push(...data.items);
    if (items.length >= data.total || data.items.length === 0) break;
  }
  return items;
}

function useReadingsByUnit(buildingId: string, period: string, kind: MeterKind, enabled: boolean) {
  return useQuery({
    queryKey: [READINGS_PATH, "all", { buildingId, period, kind }],
    queryFn: async () => new Map((await allReadings(buildingId, period, kind)).map((r) => [r.unitId, r])),
    enabled,
  });
}

/** The building's units by code, from its floor grid (which every staff member covering it may read). */
function useBuildingUnits(buildingId: string) {
  const grid = useFloorGrid(buildingId);
  const units =
    grid.data?.blocks.flatMap((block) =>
      block.floors.flatMap((floor) => floor.units.map((u) => ({ unitId: u.id, unitCode: u.code }))),
    ) ?? [];
  units.sort((a, b) => a.unitCode.localeCompare(b.unitCode, "vi", { numeric: true }));
  return { units, grid };
}

type EntryProps = {
  scope: BillingScope;
  kind: MeterKind;
  unit: UnitRef;
  /** Last period's reading of the unit's meter, when known. */
  previous: Reading | undefined;
  /** This period's reading already recorded (the form then corrects it). */
  recorded: Reading | undefined;
  /** Whether last period's readings could be read at all (technicians cannot). */
  knowsPrevious: boolean;
  /** Focus the reading field when shown (after Save & next, Skip or picking a unit; not on page load). */
  focus: boolean;
  onSaved: (reading: Reading) => void;
  onSkip: () => void;
};

type Values = { reading: string; previous: string; readOn: string };

/** One unit's reading: its code shown big, last period's reading, the new one typed with the digit keyboard. */
function ReadingEntry({
  scope,
  kind,
  unit,
  previous,
  recorded,
  knowsPrevious,
  focus,
  onSaved,
  onSkip,
}: EntryProps) {
  const { t } = useTranslation();
  const words = useBillingWords();
  const input = useRef<HTMLInputElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const [replaced, setReplaced] = useState(false);
  const [unusual, setUnusual] = useState<ApiError | null>(null);
  const digits = (value: string) => value.replace(/[\s.,]/g, "");
  const form = useForm<Values>({
    initialValues: {
      reading: recorded ? String(recorded.reading) : "",
      previous: recorded && previous?.reading !== recorded.previous ? String(recorded.previous) : "",
      readOn: formatDay(today()),
    },
    validate: {
      reading: (value) => (/^\d{1,12}$/.test(digits(value)) ? null : t("billing.readingInvalid")),
      previous: (value) =>
        value.trim() === "" || /^\d{1,12}$/.test(digits(value)) ? null : t("billing.readingInvalid"),
      readOn: (value) => (parseDay(value) ? null : t("validation.day")),
    },
  });

  useEffect(() => {
    if (focus) input.current?.focus();
  }, [focus]);
  useEffect(() => {
    if (unusual) confirmButton.current?.focus();
  }, [unusual]);

  const save = useMutation({
    mutationFn: ({ values, confirmUnusual }: { values: Values; confirmUnusual: boolean }) => {
      const typedPrevious = digits(values.previous);
      return api.POST(READINGS_PATH, {
        body: {
          unitId: unit.unitId,
          kind,
          period: scope.period,
          reading: Number(digits(values.reading)),
          previous: typedPrevious ? Number(typedPrevious) : undefined,
          readOn: parseDay(values.readOn) ?? "",
          confirmUnusual,
        },
      });
    },
    onSuccess: (reading) => {
      setUnusual(null);
      onSaved(reading);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === "READING_UNUSUAL") setUnusual(error);
      else if (error instanceof ApiError && error.code === "READING_BELOW_PREVIOUS") {
        form.setFieldError("reading", error.message);
        input.current?.focus();
      } else if (error instanceof ApiError) form.setErrors(error.fieldErrors);
    },
  });
  const handled =
    save.error instanceof ApiError &&
    (save.error.code === "READING_UNUSUAL" || save.error.code === "READING_BELOW_PREVIOUS");

  const typedPrevious = digits(form.values.previous);
  const base = typedPrevious ? Number(typedPrevious) : previous?.reading;
  const typed = digits(form.values.reading);
  const consumption = base !== undefined && /^\d+$/.test(typed) ? Number(typed) - base : null;
  const unit_ = words.meterUnit(kind);
  const showPrevious = replaced || (knowsPrevious && !previous) || !knowsPrevious;

  return (
    <form
      onSubmit={form.onSubmit((values) => save.mutate({ values, confirmUnusual: false }))}
      noValidate
      aria-labelledby="reading-unit"
    >
      <Stack gap="sm">
        <div>
          <Text size="sm" c="dimmed">
            {t("billing.unit")}
          </Text>
          <Title order={2} id="reading-unit" fz={36} lh={1.1} ff="monospace">
            {unit.unitCode}
          </Title>
        </div>
        {previous ? (
          <Text>
            {t("billing.previousReading", { period: words.period(shiftPeriod(scope.period, -1)) })}{" "}
            <Text span fw={700}>
              {words.number(previous.reading, 0)} {unit_}
            </Text>
          </Text>
        ) : (
          knowsPrevious && (
            <Text size="sm" c="dimmed">
              {t("billing.noPreviousReading")}
            </Text>
          )
        )}
        {recorded && (
          <Text size="sm" c="dimmed">
            {t("billing.alreadyRecorded", { reading: words.number(recorded.reading, 0), unit: unit_ })}
          </Text>
        )}
        <TextInput
          ref={input}
          label={t("billing.newReading", { unit: unit_ })}
          inputMode="numeric"
          pattern="[0-9]*"
          autoComplete="off"
          size="lg"
          {...form.getInputProps("reading")}
        />
        {consumption !== null && consumption >= 0 && (
          <Text size="sm" aria-live="polite">
            {t("billing.consumption", { value: words.number(consumption, 0), unit: unit_ })}
          </Text>
        )}
        {showPrevious ? (
          <TextInput
            label={t("billing.startReading", { unit: unit_ })}
            description={knowsPrevious ? t("billing.startReadingHint") : t("billing.startReadingUnknown")}
            inputMode="numeric"
            pattern="[0-9]*"
            autoComplete="off"
            {...form.getInputProps("previous")}
          />
        ) : (
          <Anchor component="button" type="button" size="sm" onClick={() => setReplaced(true)} ta="left">
            {t("billing.meterReplaced")}
          </Anchor>
        )}
        <TextInput
          label={t("billing.readOn")}
          placeholder={t("validation.dayPlaceholder")}
          inputMode="numeric"
          autoComplete="off"
          maw={200}
          {...form.getInputProps("readOn")}
        />
        {unusual && (
          <Alert
            color="yellow"
            variant="light"
            styles={WARNING_STYLES}
            role="alert"
            title={t("billing.unusualTitle")}
          >
            <Stack gap="sm">
              <Text size="sm">{unusual.message}</Text>
              <Group gap="sm">
                <Button
                  ref={confirmButton}
                  loading={save.isPending}
                  onClick={() => save.mutate({ values: form.getValues(), confirmUnusual: true })}
                >
                  {t("billing.confirmUnusual")}
                </Button>
                <Button
                  variant="default"
                  onClick={() => {
                    setUnusual(null);
                    input.current?.focus();
                  }}
                >
                  {t("billing.fixReading")}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        <FormError error={handled ? null : save.error} />
        <Group gap="sm" grow>
          <Button type="submit" size="md" loading={save.isPending && !unusual}>
            {t("billing.saveAndNext")}
          </Button>
          <Button variant="default" size="md" onClick={onSkip}>
            {t("billing.skip")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The list of units still to read, as buttons that open each in the form. */
function Queue({
  queue,
  current,
  onPick,
}: {
  queue: UnitRef[];
  current: string | undefined;
  onPick: (unit: UnitRef) => void;
}) {
  const { t } = useTranslation();
  return (
    <ScrollArea.Autosize mah={{ base: 260, md: 440 }} type="auto" offsetScrollbars>
      <Group
        gap={6}
        component="ul"
        m={0}
        p={0}
        style={{ listStyle: "none" }}
        aria-label={t("billing.toRead")}
      >
        {queue.map((unit) => (
          <li key={unit.unitId}>
            <UnstyledButton
              onClick={() => onPick(unit)}
              aria-current={unit.unitId === current ? "true" : undefined}
              px={10}
              py={6}
              fz="sm"
              ff="monospace"
              style={{
                borderRadius: 6,
                border: "1px solid var(--mantine-color-gray-4)",
                background: unit.unitId === current ? "var(--mantine-color-blue-8)" : undefined,
                color: unit.unitId === current ? "white" : undefined,
              }}
            >
              {unit.unitCode}
            </UnstyledButton>
          </li>
        ))}
      </Group>
    </ScrollArea.Autosize>
  );
}

function RecordedTable({
  scope,
  kind,
  access,
  onEdit,
}: {
  scope: BillingScope;
  kind: MeterKind;
  access: BillingAccess;
  onEdit: (unit: UnitRef) => void;
}) {
  const { t } = useTranslation();
  const words = useBillingWords();
  const list = usePagedList(READINGS_PATH, {}, undefined, {
    buildingId: scope.building.id,
    period: scope.period,
    kind,
  });
  const columns: Column<Reading>[] = [
    {
      header: t("billing.unit"),
      cell: (r) => (
        <Text size="sm" ff="monospace">
          {r.unitCode}
        </Text>
      ),
    },
    { header: t("billing.previous"), cell: (r) => words.number(r.previous, 0) },
    { header: t("billing.reading"), cell: (r) => words.number(r.reading, 0) },
    {
      header: t("billing.consumptionColumn"),
      cell: (r) => `${words.number(r.consumption, 0)} ${words.meterUnit(r.kind)}`,
    },
    { header: t("billing.readOn"), cell: (r) => formatDay(r.readOn) },
  ];
  if (access.recordsReadings) {
    columns.push({
      header: t("common.actions"),
      cell: (r) => (
        <Button
          variant="subtle"
          size="xs"
          onClick={() => onEdit({ unitId: r.unitId, unitCode: r.unitCode })}
          aria-label={t("billing.correctReading", { code: r.unitCode })}
        >
          {t("common.edit")}
        </Button>
      ),
    });
  }
  return (
    <Section id="recorded-readings" title={t("billing.recorded", { kind: words.meter(kind).toLowerCase() })}>
      <PagedTable
        list={list}
        columns={columns}
        label={t("billing.recorded", { kind: words.meter(kind).toLowerCase() })}
        minWidth={560}
        empty={
          <Text c="dimmed" size="sm">
            {t("billing.recordedEmpty")}
          </Text>
        }
      />
    </Section>
  );
}

function Readings({ scope }: { scope: BillingScope }) {
  const { t } = useTranslation();
  const words = useBillingWords();
  const access = useBillingAccess();
  const queryClient = useQueryClient();
  const buildingId = scope.building.id;
  const kindParam = scope.params.get("kind");
  const kind: MeterKind = kindParam === "water" ? "water" : "electricity";

  const missing = useQuery({
    queryKey: [missingReadingsPath(buildingId), { period: scope.period }],
    queryFn: () =>
      api.GET("/buildings/{id}/missing-readings", {
        params: { path: { id: buildingId }, query: { period: scope.period } },
      }),
    enabled: access.readsReadings,
  });
  const rules = useQuery({
    queryKey: [FEE_RULES_PATH, { buildingId }],
    queryFn: () => api.GET(FEE_RULES_PATH, { params: { query: { buildingId } } }),
    enabled: access.reads,
  });
  const { units, grid } = useBuildingUnits(buildingId);
  const previous = useReadingsByUnit(buildingId, shiftPeriod(scope.period, -1), kind, access.readsReadings);
  const recorded = useReadingsByUnit(buildingId, scope.period, kind, access.readsReadings);

  // Saved in this visit ("unitId:kind"): gone from the queue before the list of missing readings reloads.
  const [saved, setSaved] = useState<Set<string>>(() => new Set());
  const [picked, setPicked] = useState<UnitRef | null>(null);
  const [focus, setFocus] = useState(false);
  const [last, setLast] = useState<Reading | null>(null);

  // The units still to read; a role that may not list readings (none today) would walk every unit.
  const queue: UnitRef[] = (
    access.readsReadings ? (missing.data?.items.filter((item) => item.kind === kind) ?? []) : units
  ).filter((unit) => !saved.has(`${unit.unitId}:${kind}`));
  const current = picked ?? queue[0] ?? null;

  const next = (from: UnitRef) => {
    const index = queue.findIndex((unit) => unit.unitId === from.unitId);
    const rest = index === -1 ? queue : [...queue.slice(index + 1), ...queue.slice(0, index)];
    return rest.find((unit) => unit.unitId !== from.unitId) ?? null;
  };
  const pick = (unit: UnitRef | null) => {
    setPicked(unit);
    setFocus(true);
  };
  const onSaved = (reading: Reading) => {
    if (!current) return;
    setLast(reading);
    setSaved((before) => new Set(before).add(`${reading.unitId}:${reading.kind}`));
    pick(next(current));
    void queryClient.invalidateQueries({ queryKey: [READINGS_PATH] });
    void queryClient.invalidateQueries({ queryKey: [missingReadingsPath(buildingId)] });
  };

  const meteredRules = rules.data?.items.filter((rule) => rule.kind === kind) ?? [];
  const loading =
    (access.readsReadings ? missing.isPending : grid.isPending) || (access.reads && rules.isPending);
  let entry: ReactNode;
  if (loading) entry = <SectionLoader />;
  else if (missing.isError) entry = <FormError error={missing.error} />;
  else if (!access.readsReadings && grid.isError) entry = <FormError error={grid.error} />;
  else if (access.reads && meteredRules.length === 0) {
    entry = (
      <EmptyState
        icon={<IconClipboard size={32} />}
        variant="light"
        title={t("billing.noMeteredRuleTitle", { kind: words.meter(kind).toLowerCase() })}
        description={t("billing.noMeteredRule")}
        py="lg"
      >
        <EmptyState.Actions>
          <Anchor component={Link} to={billingLink("fees", buildingId)}>
            {t("billing.toFees")}
          </Anchor>
        </EmptyState.Actions>
      </EmptyState>
    );
  } else if (!current) {
    entry = (
      <Alert color="teal" variant="light" title={t("billing.allReadTitle")}>
        {t("billing.allRead", { kind: words.meter(kind).toLowerCase(), period: words.period(scope.period) })}
      </Alert>
    );
  } else {
    entry = (
      <ReadingEntry
        key={`${current.unitId}:${kind}`}
        scope={scope}
        kind={kind}
        unit={current}
        previous={previous.data?.get(current.unitId)}
        recorded={recorded.data?.get(current.unitId)}
        knowsPrevious={access.readsReadings && previous.isSuccess}
        focus={focus}
        onSaved={onSaved}
        onSkip={() => pick(next(current))}
      />
    );
  }

  return (
    <>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper component="section" withBorder p="md" radius="md" aria-label={t("billing.entry")}>
          <Stack gap="md">
            <SegmentedControl
              aria-label={t("billing.meterKind")}
              data={METER_KINDS.map((value) => ({ value, label: words.meter(value) }))}
              value={kind}
              onChange={(value) => {
                setPicked(null);
                setFocus(false);
                scope.setParam("kind", value === "water" ? "water" : null);
              }}
              fullWidth
            />
            <Stack gap={4}>
              <Select
                label={t("billing.findUnit")}
                placeholder={t("billing.findUnitPlaceholder")}
                data={units.map((unit) => ({ value: unit.unitId, label: unit.unitCode }))}
                value={null}
                onChange={(value) => {
                  const unit = units.find((u) => u.unitId === value);
                  if (unit) pick(unit);
                }}
                searchable
                limit={50}
                nothingFoundMessage={t("common.nothingFound")}
              />
              <Text size="sm" role="status">
                {last
                  ? t("billing.savedReading", {
                      code: last.unitCode,
                      reading: words.number(last.reading, 0),
                      consumption: words.number(last.consumption, 0),
                      unit: words.meterUnit(last.kind),
                    })
                  : ""}
              </Text>
            </Stack>
            {entry}
          </Stack>
        </Paper>
        <Section
          id="to-read"
          title={
            access.readsReadings
              ? t("billing.toReadCount", { count: queue.length })
              : t("billing.allUnitsCount", { count: queue.length })
          }
        >
          {queue.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("billing.queueEmpty")}
            </Text>
          ) : (
            <Queue queue={queue} current={current?.unitId} onPick={pick} />
          )}
        </Section>
      </SimpleGrid>
      {access.readsReadings && <RecordedTable scope={scope} kind={kind} access={access} onEdit={pick} />}
    </>
  );
}

/** Chỉ số công tơ: technicians walk the floors and type each unit's reading; the table shows what is recorded. */
export default function ReadingsPage() {
  const { t } = useTranslation();
  return (
    <BillingPage
      title={t("billing.readingsTitle")}
      withPeriod
      action={(scope) => <ReadingsImportButton scope={scope} />}
    >
      {(scope) => <Readings scope={scope} />}
    </BillingPage>
  );
}
