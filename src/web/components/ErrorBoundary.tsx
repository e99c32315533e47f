import { Button, Stack, Text, Title } from "@mantine/core";
import { Component, type ReactNode } from "react";
import { i18n } from "../i18n.js";

/**
 * Catches what a page failed to render (a bug, or a page's code that can no longer be loaded after
 * an update) and offers a reload instead of a blank screen.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Stack align="center" py="xl" px="md" gap="sm" role="alert">
        <Title order={1} size="h2">
          {i18n.t("errors.pageTitle")}
        </Title>
        <Text c="dimmed">{i18n.t("errors.page")}</Text>
        <Button onClick={() => window.location.reload()}>{i18n.t("errors.reload")}</Button>
      </Stack>
    );
  }
}
