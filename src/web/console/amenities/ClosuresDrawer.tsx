import {
  Alert,
  Button,
  Drawer,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AMENITIES_PATH, type Amenity, BOOKINGS_PATH } from "../../amenities/amenities.js";
import { type ApiData, api } from "../../api.js";
import { ConfirmModal } from "../../components/ConfirmModal.js";
import { FormError, required, showFieldErrors } from "../../components/forms.js";
import { formatDateTime, formatDay, parseDay } from "../../format.js";

type Closure = ApiData<"get", "/amenities/{id}/closures">["items"][number];
type Added = ApiData<"post", "/amenities/{id}/closures">;

const VN_OFFSET_MS = 7 * 3600_000;
const HOUR_MS = 3600_000;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
/** An instant as Vietnam's calendar day (dd/MM/yyyy) and 24-hour time, whatever the computer's zone. */
const vnParts = (ms: number) => {
  const local = new Date(ms + VN_OFFSET_MS).toISOString();
  return { day: formatDay(local.slice(0, 10)), time: local.slice(11, 16) };
};
/** The instant a day (dd/MM/yyyy) and time (HH:mm) mean in Vietnam; null when either is not one. */
function instant(day: string, time: string): string | null {
  const iso = parseDay(day);
  if (!iso || !CLOCK.test(time.trim())) return null;
  return new Date(`${iso}T${time.trim()}:00+07:00`).toISOString();
}

type Values = { fromDay: string; fromTime: string; untilDay: string; untilTime: string; reason: string };

function AddClosure({ amenity }: { amenity: Amenity }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [added, setAdded] = useState<Added | null>(null);
  const nextHour = Math.ceil(Date.now() / HOUR_MS) * HOUR_MS;
  const from = vnParts(nextHour);
  const until = vnParts(nextHour + 4 * HOUR_MS);
  const day = (v: string) => (parseDay(v) ? null : t("validation.day"));
  const time = (v: string) => (CLOCK.test(v.trim()) ? null : t("amenityDesk.form.clock"));
  const form = useForm<Values>({
    initialValues: {
      fromDay: from.day,
      fromTime: from.time,
      untilDay: until.day,
      untilTime: until.time,
      reason: "",
    },
    validate: {
      fromDay: day,
      fromTime: time,
      untilDay: day,
      untilTime: (v, values) => {
        const start = instant(values.fromDay, values.fromTime);
        const end = instant(values.untilDay, v);
        if (!end) return time(v);
        return start && end <= start ? t("amenityDesk.closures.range") : null;
      },
      reason: required,
    },
  });
  const add = useMutation({
    mutationFn: (v: Values) =>
      api.POST("/amenities/{id}/closures", {
        params: { path: { id: amenity.id } },
        body: {
          from: instant(v.fromDay, v.fromTime) ?? "",
          until: instant(v.untilDay, v.untilTime) ?? "",
          reason: v.reason.trim(),
        },
      }),
    onSuccess: async (closure) => {
      setAdded(closure);
      form.setFieldValue("reason", "");
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [AMENITIES_PATH] }),
        queryClient.invalidateQueries({ queryKey: [BOOKINGS_PATH] }),
      ]);
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <Paper withBorder radius="md" p="md">
      <form onSubmit={form.onSubmit((v) => add.mutate(v))} noValidate>
        <Stack gap="sm">
          <Text fw={700}>{t("amenityDesk.closures.add")}</Text>
          <Text size="sm" c="dimmed">
            {t("amenityDesk.closures.addHint")}
          </Text>
          <SimpleGrid cols={2} spacing="sm">
            <TextInput
              label={t("amenityDesk.closures.fromDay")}
              placeholder={t("validation.dayPlaceholder")}
              inputMode="numeric"
              {...form.getInputProps("fromDay")}
            />
            <TextInput
              label={t("amenityDesk.closures.fromTime")}
              placeholder="HH:mm"
              inputMode="numeric"
              maxLength={5}
              {...form.getInputProps("fromTime")}
            />
            <TextInput
              label={t("amenityDesk.closures.untilDay")}
              placeholder={t("validation.dayPlaceholder")}
              inputMode="numeric"
              {...form.getInputProps("untilDay")}
            />
            <TextInput
              label={t("amenityDesk.closures.untilTime")}
              placeholder="HH:mm"
              inputMode="numeric"
              maxLength={5}
              {...form.getInputProps("untilTime")}
            />
          </SimpleGrid>
          <Textarea
            label={t("amenityDesk.closures.reason")}
            placeholder={t("amenityDesk.closures.reasonPlaceholder")}
            autosize
            minRows={2}
            maxLength={300}
            {...form.getInputProps("reason")}
          />
          <FormError error={add.error} />
          {added && (
            <Alert color="teal" variant="light" role="status">
              {t("amenityDesk.closures.added", {
                from: formatDateTime(added.from),
                until: formatDateTime(added.until),
              })}{" "}
              {t("amenityDesk.closures.cancelled", { count: added.cancelledBookings })}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" color="orange" loading={add.isPending}>
              {t("amenityDesk.closures.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** An amenity's closures to come (maintenance, an event): the list, and for its managers adding and reopening. */
export function ClosuresDrawer({ amenity, onClose }: { amenity: Amenity; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [removing, setRemoving] = useState<Closure | null>(null);
  const closures = useQuery({
    queryKey: [AMENITIES_PATH, amenity.id, "closures"],
    queryFn: () => api.GET("/amenities/{id}/closures", { params: { path: { id: amenity.id } } }),
  });
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="lg"
      title={t("amenityDesk.closures.title", { name: amenity.name })}
      closeButtonProps={{ "aria-label": t("common.close") }}
      styles={{ title: { fontWeight: 700, fontSize: "var(--mantine-font-size-lg)" } }}
    >
      <Stack>
        {closures.isPending && <Loader aria-label={t("common.loading")} />}
        <FormError error={closures.error} />
        {closures.data && closures.data.items.length === 0 && (
          <Text c="dimmed">{t("amenityDesk.closures.none")}</Text>
        )}
        {closures.data && closures.data.items.length > 0 && (
          <Stack
            component="ul"
            gap="xs"
            p={0}
            m={0}
            style={{ listStyle: "none" }}
            aria-label={t("amenityDesk.closures.list")}
          >
            {closures.data.items.map((c) => (
              <Paper component="li" key={c.id} withBorder radius="md" p="sm" bg="orange.0">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <div>
                    <Text fw={600} size="sm">
                      {formatDateTime(c.from)} – {formatDateTime(c.until)}
                    </Text>
                    <Text size="sm">{c.reason}</Text>
                  </div>
                  {amenity.can.update && (
                    <Button size="xs" variant="default" onClick={() => setRemoving(c)}>
                      {t("amenityDesk.closures.reopen")}
                    </Button>
                  )}
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
        {amenity.can.update && <AddClosure amenity={amenity} />}
      </Stack>
      {removing && (
        <ConfirmModal
          title={t("amenityDesk.closures.reopenTitle")}
          confirmLabel={t("amenityDesk.closures.reopen")}
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            await api.DELETE("/amenities/{id}/closures/{closureId}", {
              params: { path: { id: amenity.id, closureId: removing.id } },
            });
            await queryClient.invalidateQueries({ queryKey: [AMENITIES_PATH] });
          }}
        >
          {t("amenityDesk.closures.reopenText", {
            from: formatDateTime(removing.from),
            until: formatDateTime(removing.until),
          })}
        </ConfirmModal>
      )}
    </Drawer>
  );
}
