import { EmptyState, Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { PageHeader } from "./Pages.js";

type EmptyPageProps = { title: string; icon: ReactNode; emptyTitle: string; description: string };

/** A page with nothing in it yet, saying what will appear there and when. */
export function EmptyPage({ title, icon, emptyTitle, description }: EmptyPageProps) {
  return (
    <Stack maw={720} mx="auto" gap={0}>
      <PageHeader title={title} />
      <EmptyState icon={icon} variant="light" title={emptyTitle} description={description} py="xl" />
    </Stack>
  );
}
