import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { type ReactNode, useId } from "react";
import { StatusBadge } from "../components/StatusBadge.js";

/** One part of the account page, under its own heading. */
export function Section({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children: ReactNode;
}) {
  // Named by its title, the section is a region a screen reader (and a test) can find.
  const titleId = useId();
  return (
    <Paper component="section" withBorder p="lg" radius="md" aria-labelledby={titleId}>
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id={titleId}>
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </div>
        {children}
      </Stack>
    </Paper>
  );
}

/** This browser's row first, the others in the server's order. */
export const currentFirst = <T extends { current: boolean }>(items: T[]): T[] =>
  [...items].sort((a, b) => Number(b.current) - Number(a.current));

type RowProps = {
  title: string;
  /** Marks the row that is this browser (this session, this device). */
  currentLabel?: string;
  details: string[];
  actionLabel?: string;
  /** Accessible name of the action when the visible label alone would be ambiguous. */
  actionName?: string;
  onAction?: () => void;
  pending?: boolean;
};

/** A session or device: what it is, when it was used, and the action that ends it. */
export function ItemRow({
  title,
  currentLabel,
  details,
  actionLabel,
  actionName,
  onAction,
  pending,
}: RowProps) {
  return (
    <Group
      justify="space-between"
      wrap="nowrap"
      align="flex-start"
      py="xs"
      style={{ borderTop: "1px solid var(--mantine-color-gray-3)" }}
    >
      <div>
        <Group gap="xs">
          <Text fw={500}>{title}</Text>
          {currentLabel && <StatusBadge tone="positive">{currentLabel}</StatusBadge>}
        </Group>
        {details.map((detail) => (
          <Text key={detail} size="sm" c="dimmed">
            {detail}
          </Text>
        ))}
      </div>
      {actionLabel && onAction && (
        <Button
          variant="default"
          size="xs"
          onClick={onAction}
          loading={pending}
          aria-label={actionName}
          style={{ flexShrink: 0 }}
        >
          {actionLabel}
        </Button>
      )}
    </Group>
  );
}
