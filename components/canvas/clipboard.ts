// Canvas clipboard: copies go to the system clipboard (to paste into another pipeline, tab or a text file) and to
// localStorage, which serves pastes when the system clipboard cannot be read (no permission, headless browsers).
import { parseFragment, type Fragment } from "@/pipeline/fragment";

const KEY = "streamcanvas:clipboard";

export function writeClipboard(fragment: Fragment): void {
  const text = JSON.stringify(fragment, null, 2);
  try {
    localStorage.setItem(KEY, text);
  } catch {
    /* storage full or off: the system clipboard below may still work */
  }
  void navigator.clipboard?.writeText(text).catch(() => {});
}

export function readStoredClipboard(): Fragment | null {
  try {
    const text = localStorage.getItem(KEY);
    return text ? parseFragment(text) : null;
  } catch {
    return null;
  }
}
