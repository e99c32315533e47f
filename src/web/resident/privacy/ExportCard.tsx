import { Alert, Anchor, Button, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FormError } from "../../components/forms.js";
import { formatDateTime } from "../../format.js";
import { useExport } from "./privacy.js";

/** "Tải bản sao dữ liệu": a machine-readable copy (JSON) and one to read or print (HTML). */
export function ExportCard() {
  const { t } = useTranslation();
  const exporting = useExport();
  const link = exporting.data;
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby="export-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="export-title">
          {t("privacyCenter.export.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("privacyCenter.export.description")}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Button
            onClick={() => exporting.mutate("json")}
            loading={exporting.isPending && exporting.variables === "json"}
            disabled={exporting.isPending}
          >
            {t("privacyCenter.export.json")}
          </Button>
          <Button
            variant="light"
            onClick={() => exporting.mutate("html")}
            loading={exporting.isPending && exporting.variables === "html"}
            disabled={exporting.isPending}
          >
            {t("privacyCenter.export.html")}
          </Button>
        </SimpleGrid>
        <FormError error={exporting.error} />
        {link && (
          <Alert color="teal" variant="light" role="status">
            {t("privacyCenter.export.started", { time: formatDateTime(link.expiresAt) })}{" "}
            <Anchor href={link.url} download>
              {t("privacyCenter.export.again")}
            </Anchor>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
