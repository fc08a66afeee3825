// Light / dark theme switch: sets data-theme on <html> (CSS variables in app/styles follow it) and remembers the choice.
"use client";
import { useEffect, useState } from "react";

export type Theme = "light" | "dark";
export const THEME_KEY = "streamcanvas:theme";

/** Runs before the first paint (inlined in <head>), so a dark page never flashes light. */
export const THEME_BOOT_SCRIPT = `try{var t=localStorage.getItem("${THEME_KEY}");if(t!=="light"&&t!=="dark")t=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light";document.documentElement.dataset.theme=t}catch(e){}`;

export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme | null>(null);
  useEffect(() => setTheme(document.documentElement.dataset.theme === "dark" ? "dark" : "light"), []);
  const toggle = () => {
    const next: Theme = theme === "dark" ? "light" : "dark";
    document.documentElement.dataset.theme = next;
    try {
      localStorage.setItem(THEME_KEY, next);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
    setTheme(next);
  };
  return (
    <button type="button" className="sc-theme-toggle" data-testid="theme-toggle" data-theme-state={theme ?? undefined} onClick={toggle}
      aria-label={theme === "dark" ? "Switch to the light theme" : "Switch to the dark theme"}
      title={theme === "dark" ? "Light theme" : "Dark theme"}>
      {theme === "dark" ? "☀" : "☾"}
    </button>
  );
}
