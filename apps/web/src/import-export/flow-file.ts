import { FLOW_FILE_FORMAT, FlowFileSchema, formatPath, issuesToErrors, validateGraph, type FlowFile, type Graph } from "@eventloom/schema";

/** The outcome of reading a file: the flow, or every reason it was refused (each says what and where). */
export type FlowFileResult = { ok: true; file: FlowFile } | { ok: false; message: string; details: string[] };

/**
 * Problems that mean the file is broken rather than an unfinished draft. Drafts with config or wiring problems
 * import fine (the problems list shows them, as for any edit); these would leave the canvas inconsistent.
 */
const BROKEN_FILE_CODES = new Set(["DUPLICATE_NODE_ID", "DUPLICATE_EDGE_ID", "UNKNOWN_NODE_TYPE", "KIND_MISMATCH", "EDGE_UNKNOWN_NODE", "UNKNOWN_PORT", "SELF_LOOP"]);

/** The export format: versioned so a later version can migrate old files. */
export function toFlowFile(name: string, graph: Graph): FlowFile {
  return { format: FLOW_FILE_FORMAT, version: 1, name, graph };
}

/** Pretty-printed so exported flows diff well in version control. */
export function serializeFlowFile(file: FlowFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A file name from the flow's name: `Orders demo` → `orders-demo.eventloom.json`. */
export function flowFileName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `${slug || "flow"}.eventloom.json`;
}

/** Parses and validates a flow file's text. Never throws; a refusal lists each problem with its path. */
export function parseFlowFile(text: string, fileName = "the file"): FlowFileResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return refuse(`${fileName} is not JSON.`, [reason]);
  }
  const header = checkHeader(json, fileName);
  if (header) return header;
  const parsed = FlowFileSchema.safeParse(json);
  if (!parsed.success) {
    const details = issuesToErrors(parsed.error).map((e) => e.message);
    return refuse(`${fileName} does not match the eventloom/flow v1 format (${count(details.length)}).`, details);
  }
  const broken = validateGraph(parsed.data.graph).filter((p) => BROKEN_FILE_CODES.has(p.code));
  if (broken.length > 0) {
    const details = broken.map((p) => `graph.${formatPath(p.path)}: ${p.message}`);
    return refuse(`${fileName} has a graph that cannot be opened (${count(details.length)}).`, details);
  }
  return { ok: true, file: parsed.data };
}

/** Says plainly when a file is some other JSON, instead of listing every missing field. */
function checkHeader(json: unknown, fileName: string): FlowFileResult | null {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return refuse(`${fileName} is not an Eventloom flow file.`, ["expected a JSON object with format \"eventloom/flow\""]);
  }
  const { format, version } = json as { format?: unknown; version?: unknown };
  if (format !== FLOW_FILE_FORMAT) {
    return refuse(`${fileName} is not an Eventloom flow file.`, [`format: expected "${FLOW_FILE_FORMAT}", found ${JSON.stringify(format) ?? "nothing"}`]);
  }
  if (version !== 1) {
    return refuse(`${fileName} has an unsupported version.`, [`version: this editor reads version 1, found ${JSON.stringify(version) ?? "nothing"}`]);
  }
  return null;
}

function refuse(message: string, details: string[]): FlowFileResult {
  return { ok: false, message, details };
}

function count(n: number): string {
  return `${n} problem${n === 1 ? "" : "s"}`;
}
