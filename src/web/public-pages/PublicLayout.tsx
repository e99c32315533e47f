import { Box, Button, Container, Group } from "@mantine/core";
import { type ReactNode, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet } from "react-router";
import { useMe } from "../auth/session.js";
import { Brand } from "../components/Brand.js";
import { DemoBanner } from "../components/DemoBanner.js";
import { LanguageSwitch } from "../components/LanguageSwitch.js";
import { PageLoader } from "../components/Pages.js";
import { Footer } from "./Footer.js";

/** The frame of the pages anyone may read: brand, language, sign-in (or back to the app), footer. */
export function PublicLayout({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  return (
    <Box mih="100dvh" display="flex" style={{ flexDirection: "column" }}>
      <DemoBanner />
      <Box component="header" style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}>
        <Container size="lg" py="sm">
          <Group justify="space-between" wrap="nowrap">
            <Brand to="/" />
            <Group gap="sm" wrap="nowrap">
              <LanguageSwitch compact />
              <Button component={Link} to={me ? "/" : "/sign-in"} size="xs">
                {me ? t("header.openApp") : t("header.signIn")}
              </Button>
            </Group>
          </Group>
        </Container>
      </Box>
      <Container component="main" size="lg" py="xl" w="100%" style={{ flex: 1 }}>
        <Suspense fallback={<PageLoader />}>{children ?? <Outlet />}</Suspense>
      </Container>
      <Footer />
    </Box>
  );
}
