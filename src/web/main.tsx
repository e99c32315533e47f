import "@mantine/core/styles.css";
import "./fonts.css";
import "./global.css";
import { MantineProvider } from "@mantine/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, StrictMode, startTransition, useMemo } from "react";
import { createRoot } from "react-dom/client";
import { useTranslation } from "react-i18next";
import { BrowserRouter } from "react-router";
import { App } from "./App.js";
import { prefetchMe } from "./auth/session.js";
import { languageReady } from "./i18n.js";
import { queryClient } from "./queryClient.js";
import { prefetchHome } from "./resident/home.js";
import { readStored } from "./resident/storedUnit.js";
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

/*
 * The first screen's chain is: who is signed in → the area's code → the area's data. Start all three now rather
 * than one after the other as React reaches them: the person, the resident app's chunk when the address is in
 * it, and, once the person is known, the resident's home.
 */
if (window.location.pathname.startsWith("/app")) {
  void import("./resident/ResidentArea.js");
  void prefetchMe(queryClient)
    .then((me) => {
      if (me?.current?.area === "resident") prefetchHome(queryClient, me.current.unitIds, readStored());
    })
    .catch(() => {
      // The area gate asks again and shows the error.
    });
}

// Vietnamese is there at once; a browser that chose English waits for its texts (one small request).
// The first render is a transition, so React yields to the browser between components instead of holding the
// main thread for the whole tree (it was the long task that kept the phone's first screen unresponsive).
void languageReady.then(() =>
  startTransition(() =>
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
  ),
);
