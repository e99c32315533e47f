import { NativeSelect, Radio, SimpleGrid, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { dayText, deliveryDays, openSlots, type Slot, slotText } from "./marketplace.js";

/**
 * A delivery day (today to 14 days ahead) and one of its windows that has not begun; choosing a day whose
 * windows do not include the chosen one picks its first.
 */
export function WindowFields({
  day,
  slot,
  onChange,
  dayError,
  slotError,
}: {
  day: string;
  slot: Slot | "";
  onChange: (day: string, slot: Slot | "") => void;
  dayError?: ReactNode;
  slotError?: ReactNode;
}) {
  const { t } = useTranslation();
  const slots = openSlots(day);
  return (
    <>
      <NativeSelect
        label={t("shop.day")}
        data={deliveryDays().map((d) => ({ value: d, label: dayText(t, d) }))}
        value={day}
        error={dayError}
        onChange={(event) => {
          const next = event.currentTarget.value;
          const open = openSlots(next);
          onChange(next, slot && open.includes(slot) ? slot : (open[0] ?? ""));
        }}
      />
      <Radio.Group
        label={t("shop.slot")}
        value={slot}
        error={slotError}
        onChange={(value) => onChange(day, value as Slot)}
      >
        <SimpleGrid cols={{ base: 2, xs: 3 }} spacing="xs" mt="xs">
          {slots.length === 0 && (
            <Text size="sm" c="dimmed">
              {t("shop.noSlotToday")}
            </Text>
          )}
          {slots.map((s) => (
            <Radio key={s} value={s} label={slotText(s)} />
          ))}
        </SimpleGrid>
      </Radio.Group>
    </>
  );
}
