/**
 * The system clipboard when the browser allows it, else an in-memory one (permission denied, insecure
 * origin, tests). Writes go to both, so a paste in this tab works even when reading is refused.
 */
let memory = "";

export async function writeClipboard(text: string): Promise<void> {
  memory = text;
  try {
    await navigator.clipboard.writeText(text);
  } catch (error) {
    // Refused or unavailable: the in-memory copy above still serves this tab.
    console.debug("clipboard write refused; using the in-memory clipboard", error);
  }
}

export async function readClipboard(): Promise<string> {
  try {
    const text = await navigator.clipboard.readText();
    return text || memory;
  } catch (error) {
    console.debug("clipboard read refused; using the in-memory clipboard", error);
    return memory;
  }
}

/** For native copy/paste events, which carry the data themselves (no permission prompt). */
export function rememberClipboard(text: string): void {
  memory = text;
}

export function memoryClipboard(): string {
  return memory;
}
