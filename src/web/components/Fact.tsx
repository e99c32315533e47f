import { Text } from "@mantine/core";
import type { ReactNode } from "react";

/** One fact of a detail view, inside a `<SimpleGrid component="dl">`: its name, then its value. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fw={500}>
        {children}
      </Text>
    </div>
  );
}
