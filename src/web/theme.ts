import { type CSSVariablesResolver, createTheme } from "@mantine/core";

const FONT =
  '"Be Vietnam Pro", -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Noto Sans", Helvetica, Arial, sans-serif';

export const theme = createTheme({
  primaryColor: "blue",
  // Shade 8 keeps white text on buttons and links above WCAG AA contrast (5:1).
  primaryShade: { light: 8, dark: 5 },
  defaultRadius: "md",
  cursorType: "pointer",
  // Be Vietnam Pro (fonts.css), then the system's own fonts while it loads or where it cannot.
  fontFamily: FONT,
  headings: { fontFamily: FONT },
});

/** Mantine's default dimmed grey, link blue and error red fall short of AA on white; use darker shades. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    "--mantine-color-anchor": "var(--mantine-color-blue-8)",
    "--mantine-color-error": "var(--mantine-color-red-9)",
  },
  dark: {},
});
