import {
  Alert,
  type CSSVariablesResolver,
  createTheme,
  DEFAULT_THEME,
  darken,
  Loader,
  luminance,
  type MantineColorsTuple,
  type MantineThemeOverride,
  PasswordInput,
} from "@mantine/core";

export const FONT =
  '"Be Vietnam Pro", -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Noto Sans", Helvetica, Arial, sans-serif';

const theme = createTheme({
  primaryColor: "blue",
  // Shade 8 keeps white text on buttons and links above WCAG AA contrast (5:1).
  primaryShade: { light: 8, dark: 5 },
  defaultRadius: "md",
  cursorType: "pointer",
  // Be Vietnam Pro (fonts.ts), then the system's own fonts while it loads or where it cannot.
  fontFamily: FONT,
  headings: { fontFamily: FONT },
  components: {
    // A loader is named where it stands for content ("Đang tải"): a plain span may not carry a name, a status may.
    Loader: Loader.extend({ defaultProps: { role: "status" } }),
  },
});

/**
 * The theme with the texts Mantine's components need in the current language, so that no screen has to pass
 * them: an alert's close button is named "Đóng", a password field's eye "Hiện mật khẩu" (not Mantine's English).
 * @param texts the translated labels
 */
export function themeIn(texts: { close: string; showPassword: string }): MantineThemeOverride {
  return {
    ...theme,
    components: {
      ...theme.components,
      Alert: Alert.extend({ defaultProps: { closeButtonLabel: texts.close } }),
      PasswordInput: PasswordInput.extend({
        defaultProps: { visibilityToggleButtonProps: { "aria-label": texts.showPassword } },
      }),
    },
  };
}

/** WCAG AA for text (4.5:1), with a little room for anti-aliasing and rounding. */
const AA = 4.6;

const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

/** The colour itself when it reads at AA on `background`, else the least darkened version of it that does. */
function readable(color: string, background: string): string {
  for (let step = 0; step <= 20; step++) {
    const candidate = step === 0 ? color : darken(color, step * 0.04);
    if (contrast(candidate, background) >= AA) return candidate;
  }
  return "#000000";
}

/**
 * Every palette colour, as Mantine uses it in the light scheme, made to pass WCAG AA (so every screen, new ones
 * too, inherits it): white text on `filled` (buttons, badges), `text` and `outline` on white (coloured text and
 * outline buttons), and `light-color` on the `light` backgrounds (alert titles, light buttons and badges, also
 * when hovered). Mantine's defaults fall short for most colours (teal's filled is 3.9:1, its alert title on the
 * light background 4.3:1, yellow's 2.7:1).
 */
function aaColorVariables(colors: Record<string, MantineColorsTuple>): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [name, shades] of Object.entries(colors)) {
    const filled = readable(shades[8], "#ffffff");
    vars[`--mantine-color-${name}-filled`] = filled;
    vars[`--mantine-color-${name}-filled-hover`] = darken(filled, 0.1);
    vars[`--mantine-color-${name}-text`] = filled;
    vars[`--mantine-color-${name}-outline`] = filled;
    vars[`--mantine-color-${name}-light-color`] = readable(shades[9], shades[2]);
  }
  return vars;
}

const lightScheme = aaColorVariables(DEFAULT_THEME.colors);

/** Mantine's default dimmed grey, link blue and error red fall short of AA on white; use darker shades. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    ...lightScheme,
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    "--mantine-color-anchor": "var(--mantine-color-blue-8)",
    "--mantine-color-error": "var(--mantine-color-red-9)",
  },
  dark: {},
});
