import { Box, Container, Group, Paper } from "@mantine/core";
import { Outlet } from "react-router";
import { Brand } from "../components/Brand.js";
import { DemoBanner } from "../components/DemoBanner.js";
import { LanguageSwitch } from "../components/LanguageSwitch.js";
import { Footer } from "../public-pages/Footer.js";

/** The frame of the pages before sign-in: a centred card, with the language switch above it. */
export function AuthLayout() {
  return (
    <Box mih="100dvh" bg="gray.0">
      <DemoBanner />
      <Container size={440} py="xl" px="md">
        <Group justify="space-between" align="flex-end" mb="lg">
          <Brand to="/" />
          <Box w={150}>
            <LanguageSwitch />
          </Box>
        </Group>
        <Paper component="main" withBorder shadow="sm" p="lg" radius="md">
          <Outlet />
        </Paper>
        <Footer />
      </Container>
    </Box>
  );
}
