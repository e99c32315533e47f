import { Center, Group, Loader, Paper, Stack, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

type Props = {
  /** Id of the heading, which names the section. */
  id: string;
  title: string;
  /** The section's action beside its heading. */
  action?: ReactNode;
  children: ReactNode;
};

/** One part of a billing page: a bordered region named by its heading. */
export function Section({ id, title, action, children }: Props) {
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby={id}>
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Title order={2} size="h4" id={id}>
            {title}
          </Title>
          {action}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

/** While a section's data loads. */
export function SectionLoader() {
  const { t } = useTranslation();
  return (
    <Center py="lg">
      <Loader aria-label={t("common.loading")} />
    </Center>
  );
}

/**
 * A yellow (or teal) alert's title in dark text: Mantine's yellow on light yellow, and teal on light teal, fall
 * short of AA contrast.
 */
export const WARNING_STYLES = { title: { color: "var(--mantine-color-dark-7)" } };
