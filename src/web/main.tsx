import "@mantine/core/styles.css";
import "./fonts.css";
import "./global.css";
import { MantineProvider } from "@mantine/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { App } from "./App.js";
import { languageReady } from "./i18n.js";
import { queryClient } from "./queryClient.js";
import { cssVariablesResolver, theme } from "./theme.js";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");

// Vietnamese is there at once; a browser that chose English waits for its texts (one small request).
void languageReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  ),
);
