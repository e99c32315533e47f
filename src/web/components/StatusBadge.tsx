import { Badge } from "@mantine/core";
import type { ReactNode } from "react";

/** Filled in the darkest shades, so that white text keeps AA contrast. */
const COLORS = { positive: "teal.9", waiting: "blue.9", inactive: "gray.7" } as const;

export function StatusBadge({ tone, children }: { tone: keyof typeof COLORS; children: ReactNode }) {
  return (
    <Badge color={COLORS[tone]} variant="filled" tt="none" radius="sm">
      {children}
    </Badge>
  );
}
