/** The Shiki themes for every code block on the site, light and dark, chosen for contrast (WCAG AA). */
export const SHIKI_THEMES = {
  light: "github-light-high-contrast",
  dark: "github-dark-high-contrast",
} as const;
