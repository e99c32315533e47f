import "@mantine/core/styles.css";
import "./global.css";
import { MantineProvider } from "@mantine/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, StrictMode, useMemo } from "react";
import { createRoot } from "react-dom/client";
import { useTranslation } from "react-i18next";
import { BrowserRouter } from "react-router";
import { App } from "./App.js";
import { languageReady } from "./i18n.js";
import { queryClient } from "./queryClient.js";
import { cssVariablesResolver, themeIn } from "./theme.js";

/** Mantine with the app's theme, whose few texts follow the language. */
function Themed({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const theme = useMemo(
    () => themeIn({ close: t("common.close"), showPassword: t("common.showPassword") }),
    [t],
  );
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      {children}
    </MantineProvider>
  );
}

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");

// Vietnamese is there at once; a browser that chose English waits for its texts (one small request).
void languageReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <Themed>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </QueryClientProvider>
      </Themed>
    </StrictMode>,
  ),
);
