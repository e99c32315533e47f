import "./mantine.css";
import "./global.css";
import { MantineProvider } from "@mantine/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, StrictMode, startTransition, useMemo } from "react";
import { createRoot } from "react-dom/client";
import { useTranslation } from "react-i18next";
import { BrowserRouter } from "react-router";
import { App, ConsoleArea, preloadAuthPages, ResidentArea } from "./App.js";
import { prefetchMe } from "./auth/session.js";
import { FirstScreen } from "./firstScreen.js";
import { languageReady } from "./i18n.js";
import { queryClient } from "./queryClient.js";
import { prefetchResidentScreen } from "./resident/prefetch.js";
import { cssVariablesResolver, themeIn } from "./theme.js";

/**
 * Mantine with the app's theme, whose few texts follow the language. The theme is rebuilt only when those texts
 * change: `t` changes whenever a part of the app adds its texts, and a new theme re-renders every component.
 */
function Themed({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const close = t("common.close");
  const showPassword = t("common.showPassword");
  const theme = useMemo(() => themeIn({ close, showPassword }), [close, showPassword]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      {children}
    </MantineProvider>
  );
}

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");

/*
 * The first screen's chain is: who is signed in → the area's code → the area's data. Start them all now rather
 * than one after the other as React reaches them, and render once the person and the code are there: until
 * then index.html's splash shows, and nothing on the way suspends (a page that suspends is held back by React
 * for up to 300 ms after its fallback appears).
 */
function firstScreenReady(path: string): Promise<unknown> {
  const inArea = (prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
  if (inArea("/app")) {
    const area = import("./resident/ResidentArea.js");
    const me = prefetchMe(queryClient).then((person) => {
      if (person?.current?.area === "resident")
        prefetchResidentScreen(queryClient, person.current.unitIds, path);
    });
    const code = area.then((module) => module.preloadRoute(path));
    return Promise.allSettled([me, ResidentArea.preload(), code]);
  }
  if (inArea("/console")) return Promise.allSettled([prefetchMe(queryClient), ConsoleArea.preload()]);
  if (inArea("/partner") || inArea("/platform")) return Promise.resolve();
  // Before sign-in (or on the landing page, whose next step it is): the sign-in pages' chunk.
  const auth = preloadAuthPages();
  return ["/", "/privacy", "/terms"].includes(path) ? Promise.resolve() : auth;
}

/**
 * The built index.html loads the app's stylesheet without blocking the splash (vite.config.ts): it applies to
 * the page from now on, and the app renders once it has arrived (or failed: the app then shows unstyled rather
 * than not at all). In development Vite injects the styles from JavaScript and there is no such link.
 */
function stylesReady(): Promise<unknown> {
  const links = [...document.querySelectorAll<HTMLLinkElement>("link[data-app-styles]")];
  return Promise.allSettled(
    links.map((link) => {
      const loaded = link.sheet
        ? Promise.resolve()
        : new Promise((resolve) => {
            link.addEventListener("load", resolve, { once: true });
            link.addEventListener("error", resolve, { once: true });
          });
      link.media = "all";
      return loaded;
    }),
  );
}

// Vietnamese is there at once; a browser that chose English waits for its texts (one small request). What
// fails on the way (offline, a server error) shows on the screen that asked for it: the area gate asks again.
// The first render is a transition, so React yields to the browser between components instead of holding the
// main thread for the whole tree (it was the long task that kept the phone's first screen unresponsive).
void Promise.allSettled([languageReady, stylesReady(), firstScreenReady(window.location.pathname)]).then(() =>
  startTransition(() =>
    createRoot(root).render(
      <StrictMode>
        <Themed>
          <QueryClientProvider client={queryClient}>
            <BrowserRouter>
              <FirstScreen>
                <App />
              </FirstScreen>
            </BrowserRouter>
          </QueryClientProvider>
        </Themed>
      </StrictMode>,
    ),
  ),
);
