import { Stack } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * Cards or entries one under another: a real list for assistive technology (its label says what it lists),
 * without bullets or indent.
 */
export function ItemList({
  label,
  labelledBy,
  children,
}: {
  label?: string;
  labelledBy?: string;
  children: ReactNode;
}) {
  return (
    <Stack
      component="ul"
      gap="sm"
      p={0}
      m={0}
      style={{ listStyle: "none" }}
      aria-label={label}
      aria-labelledby={labelledBy}
    >
      {children}
    </Stack>
  );
}
