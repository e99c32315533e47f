import { Anchor, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../api.js";
import { useFirstScreenShown } from "../firstScreen.js";

/**
 * A slim notice on demo installations, pointing at the outbox where one-time codes land.
 * `inset` when it sits inside a page's content rather than across the top of the window.
 */
export function DemoBanner({ inset = false }: { inset?: boolean }) {
  const { t } = useTranslation();
  const { data } = useQuery({
    queryKey: ["/health"],
    queryFn: () => api.GET("/health"),
    staleTime: Number.POSITIVE_INFINITY,
    enabled: useFirstScreenShown(),
  });
  if (!data?.demo) return null;
  return (
    <Text
      role="note"
      size="sm"
      ta="center"
      bg="yellow.1"
      c="dark.8"
      px="md"
      py={6}
      mt={inset ? "lg" : undefined}
      mb={inset ? "md" : undefined}
      style={inset ? { borderRadius: "var(--mantine-radius-md)" } : undefined}
    >
      {t("demo.banner")}{" "}
      <Anchor href="/dev/outbox" target="_blank" rel="noopener" size="sm" fw={600}>
        /dev/outbox
      </Anchor>
    </Text>
  );
}
