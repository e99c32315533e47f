import { Anchor } from "@mantine/core";
import { Link } from "react-router";

/** The product name with its icon, linking home. */
export function Brand({ to }: { to: string }) {
  return (
    <Anchor
      component={Link}
      to={to}
      fw={700}
      fz="lg"
      c="blue.8"
      underline="never"
      display="flex"
      style={{ alignItems: "center", gap: 8 }}
    >
      <img src="/icon.svg" alt="" width={28} height={28} />
      Chungcu
    </Anchor>
  );
}
