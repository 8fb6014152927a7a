/** Payload previews for sampled spans: JSON of the event's data, capped at PREVIEW_MAX_CHARS. */
import { PREVIEW_MAX_CHARS } from "@eventloom/schema";

const ELLIPSIS = "…";

/** JSON of `data`, truncated to PREVIEW_MAX_CHARS plus an ellipsis; never throws. */
export function previewOf(data: unknown): string {
  if (data === undefined) return "";
  let json: string | undefined;
  try {
    json = JSON.stringify(data);
  } catch (error) {
    json = `[unserialisable: ${error instanceof Error ? error.message : String(error)}]`;
  }
  if (json === undefined) return "";
  return json.length > PREVIEW_MAX_CHARS ? truncate(json, PREVIEW_MAX_CHARS) + ELLIPSIS : json;
}

/** Cuts at `max` chars without splitting a surrogate pair. */
function truncate(text: string, max: number): string {
  const code = text.charCodeAt(max - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
  return text.slice(0, end);
}
