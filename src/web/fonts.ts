import latin400 from "@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-400-normal.woff2?url";
import latin600 from "@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-600-normal.woff2?url";
import latin700 from "@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-700-normal.woff2?url";
import vietnamese400 from "@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-400-normal.woff2?url";
import vietnamese600 from "@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-600-normal.woff2?url";
import vietnamese700 from "@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-700-normal.woff2?url";

/*
 * Be Vietnam Pro, the font of the fee notices and documents (SIL OFL 1.1, node_modules/@fontsource/be-vietnam-pro/
 * LICENSE), self-hosted: only the weights the app uses (400 text, 600 buttons and emphasis, 700 headings and
 * amounts; Mantine's 500 falls back to 400) and only the Vietnamese and Latin subsets, as woff2 (108 kB).
 */
const LATIN =
  "U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD";
const VIETNAMESE =
  "U+0102-0103, U+0110-0111, U+0128-0129, U+0168-0169, U+01A0-01A1, U+01AF-01B0, U+0300-0301, U+0303-0304, U+0308-0309, U+0323, U+0329, U+1EA0-1EF9, U+20AB";

const FACES = [
  { weight: "400", url: vietnamese400, range: VIETNAMESE },
  { weight: "400", url: latin400, range: LATIN },
  { weight: "600", url: vietnamese600, range: VIETNAMESE },
  { weight: "600", url: latin600, range: LATIN },
  { weight: "700", url: vietnamese700, range: VIETNAMESE },
  { weight: "700", url: latin700, range: LATIN },
];

/**
 * Loads the font once the first screen is painted (firstScreen.tsx), which shows in the system's font until then
 * (as `font-display: swap` would), and adds its faces to the page together once they have all arrived: the page
 * is laid out again once, with the font ready. Declared from the start in a stylesheet, its files came before the
 * first screen's heading on a phone's network; declared after it, the layout that followed the declaration
 * (every text's font looked up again while the files were still on their way) was a 45 ms task on this machine,
 * 200 ms on Lighthouse's phone. Not preloaded: preloading the two 400 files put 35 kB ahead of the app's code and
 * moved the first paint later (FCP 1.8 s → 2.2 s). Where a file cannot load, that face stays the system's font.
 */
export async function loadFonts(): Promise<void> {
  if (typeof FontFace === "undefined" || !document.fonts) return;
  const faces = FACES.map(
    ({ weight, url, range }) =>
      new FontFace("Be Vietnam Pro", `url(${url}) format("woff2")`, {
        weight,
        style: "normal",
        display: "swap",
        unicodeRange: range,
      }),
  );
  const loaded = await Promise.allSettled(faces.map((face) => face.load()));
  for (const result of loaded) if (result.status === "fulfilled") document.fonts.add(result.value);
}
