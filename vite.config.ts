import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";

const outDir = fileURLToPath(new URL("./dist/web", import.meta.url));
const server = "http://127.0.0.1:3000";
const themeColor = "#1864ab";

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);
const COMPRESSIBLE = /\.(js|css|html|svg|webmanifest)$/;

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

/**
 * Writes .gz and .br siblings of the text assets, which @fastify/static serves with `preCompressed`.
 * Runs after vite-plugin-pwa has written the service worker, so that is compressed too.
 */
function precompress(): Plugin {
  return {
    name: "chungcu:precompress",
    apply: "build",
    closeBundle: {
      order: "post",
      sequential: true,
      async handler() {
        for await (const file of walk(outDir)) {
          if (!COMPRESSIBLE.test(file)) continue;
          const content = await readFile(file);
          const [gz, br] = await Promise.all([
            gzipAsync(content, { level: 9 }),
            brotliAsync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
          ]);
          await Promise.all([writeFile(`${file}.gz`, gz), writeFile(`${file}.br`, br)]);
        }
      },
    },
  };
}

/**
 * The app's stylesheet does not hold up the first paint: index.html's splash (styled inline) shows while it
 * downloads, and main.tsx renders the app once it has loaded (stylesReady). A stylesheet for print media is
 * downloaded without blocking rendering; main.tsx switches it to all media.
 */
function stylesheetAfterSplash(): Plugin {
  return {
    name: "chungcu:stylesheet-after-splash",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler: (html) =>
        html.replace(/<link rel="stylesheet"([^>]*)>/g, (_, attributes: string) => {
          if (!attributes.includes("/assets/")) return `<link rel="stylesheet"${attributes}>`;
          return `<link rel="stylesheet"${attributes} media="print" data-app-styles>`;
        }),
    },
  };
}

/*
 * React Router 7's package exports name only its development build (remix-run/react-router#14102, #14753), whose
 * warnings and checks run in every visitor's browser: a build takes the production one it ships beside it.
 */
const productionRouter = fileURLToPath(
  new URL("./node_modules/react-router/dist/production/index.mjs", import.meta.url),
);

export default defineConfig(({ command }) => ({
  root: "src/web",
  base: "/",
  resolve: {
    alias: command === "build" ? [{ find: /^react-router$/, replacement: productionRouter }] : [],
  },
  build: {
    outDir,
    emptyOutDir: true,
    // Which chunks each area needs: the server names them in the page of an area's address (web-shell.ts).
    manifest: true,
    rolldownOptions: {
      output: {
        // Shared chunks are named after every part that uses them: "ui" is enough in a file name.
        chunkFileNames: (chunk) => `assets/${chunk.name.startsWith("ui~") ? "ui" : "[name]"}-[hash].js`,
        /*
         * What index.html loads is one chunk. The libraries several parts share go into chunks by the set of parts
         * that use them (entriesAware), so the resident app does not download the console's components. Merging
         * small ones (entriesAwareMergeThreshold) made chunks import each other in a cycle, which broke the app
         * after sign-in: scripts/build.mjs fails on any cycle between chunks.
         */
        codeSplitting: {
          groups: [
            { name: "react", tags: ["$initial"], test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: "libs", tags: ["$initial"], test: /node_modules[\\/]/ },
            { name: "app", tags: ["$initial"] },
            {
              name: "ui",
              test: /node_modules[\\/]/,
              minShareCount: 2,
              entriesAware: true,
              entriesAwareMergeThreshold: 0,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      "^/api/": server,
      "^/dev/": server,
    },
  },
  plugins: [
    react(),
    VitePWA({
      registerType: "autoUpdate",
      // Registered by the app once its first screen is painted (src/web/serviceWorker.ts), not at the load event.
      injectRegister: false,
      includeAssets: ["icon.svg"],
      manifest: {
        name: "Chungcu",
        short_name: "Chungcu",
        description: "Quản lý chung cư: hoá đơn, dịch vụ và phản ánh của cư dân",
        lang: "vi",
        start_url: "/",
        scope: "/",
        display: "standalone",
        theme_color: themeColor,
        background_color: "#ffffff",
        icons: [
          { src: "/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
          { src: "/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
          { src: "/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
        ],
      },
      workbox: {
        globPatterns: ["**/*.{js,css,html,svg,png}"],
        navigateFallback: "/index.html",
        // The API and the demo outbox are always live: never served from the cache.
        // The local sandbox gateway stands in for another site: its pages come from the server, not the app.
        navigateFallbackDenylist: [/^\/api\//, /^\/dev\//, /^\/sandbox\//],
        cleanupOutdatedCaches: true,
        // Showing push notifications and opening the app on a tap (src/web/public/push-sw.js).
        importScripts: ["/push-sw.js"],
      },
    }),
    stylesheetAfterSplash(),
    precompress(),
  ],
}));
