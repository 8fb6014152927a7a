import type { Position } from "@eventloom/schema";
import { useFlowStore } from "../stores/flow-store";
import { useUiStore } from "../stores/ui-store";
import { align, distribute, type AlignMode, type Axis, type SizeOf } from "./arrange";
import { memoryClipboard, readClipboard, rememberClipboard, writeClipboard } from "./clipboard";
import { parseFragment, pasteFragment, selectionFragment, topLeft } from "./fragment";

/** The editor's selection verbs, each one undoable step. `at` is a flow position (under the cursor) or null. */

const PASTE_OFFSET = 32;
const store = () => useFlowStore.getState();

/** The selection as clipboard text, or null when nothing is selected. */
export function selectionText(): string | null {
  const { graph, selection } = store();
  const fragment = selectionFragment(graph, selection.nodeIds);
  return fragment ? JSON.stringify(fragment, null, 2) : null;
}

export async function copySelection(): Promise<void> {
  const text = selectionText();
  if (text) await writeClipboard(text);
}

export async function cutSelection(): Promise<void> {
  await copySelection();
  deleteSelection();
}

/** Pastes flow JSON text; says so when the text is not a flow or a fragment of one. */
export function pasteText(text: string, at: Position | null): boolean {
  const fragment = parseFragment(text);
  if (!fragment) {
    useUiStore.getState().notify("The clipboard holds no Eventloom nodes to paste.", "error");
    return false;
  }
  const corner = topLeft(fragment.nodes);
  const target = stagger(at ?? { x: corner.x + PASTE_OFFSET, y: corner.y + PASTE_OFFSET });
  const pasted = pasteFragment(store().graph, fragment, target);
  store().applyGraph(pasted.graph, { nodeIds: pasted.nodeIds, edgeIds: [] });
  return true;
}

let lastPaste: Position | null = null;
let repeats = 0;

/** Pasting again at the same spot steps each copy down and right, so copies never hide each other. */
function stagger(target: Position): Position {
  repeats = lastPaste && lastPaste.x === target.x && lastPaste.y === target.y ? repeats + 1 : 0;
  lastPaste = target;
  return { x: target.x + repeats * PASTE_OFFSET, y: target.y + repeats * PASTE_OFFSET };
}

export async function pasteFromClipboard(at: Position | null): Promise<void> {
  pasteText(await readClipboard(), at);
}

/** Copy + paste in one go, beside the originals; leaves the clipboard alone. */
export function duplicateSelection(): void {
  const text = selectionText();
  if (text) pasteText(text, null);
}

/** For the native `copy`/`cut` events: the text to put on the clipboard (also kept in memory). */
export function nativeCopyText(): string | null {
  const text = selectionText();
  if (text) rememberClipboard(text);
  return text;
}

export function nativePasteText(clipboardText: string): string {
  return clipboardText || memoryClipboard();
}

export function deleteSelection(): void {
  const { selection } = store();
  store().removeElements(selection.nodeIds, selection.edgeIds);
}

export function selectAll(): void {
  const { graph } = store();
  store().setSelection({ nodeIds: graph.nodes.map((n) => n.id), edgeIds: graph.edges.map((e) => e.id) });
}

export function clearSelection(): void {
  store().setSelection({ nodeIds: [], edgeIds: [] });
}

export function nudgeSelection(dx: number, dy: number): void {
  const { graph, selection } = store();
  const ids = new Set(selection.nodeIds);
  const moved = new Map(graph.nodes.filter((n) => ids.has(n.id)).map((n) => [n.id, { x: n.position.x + dx, y: n.position.y + dy }]));
  store().moveNodes(moved);
}

function arrangeSelection(arrange: (nodes: ReturnType<typeof selectedNodes>) => Map<string, Position>): void {
  const positions = arrange(selectedNodes());
  if (positions.size === 0) return;
  store().sealHistory();
  store().moveNodes(positions);
  store().sealHistory();
}

function selectedNodes() {
  const { graph, selection } = store();
  const ids = new Set(selection.nodeIds);
  return graph.nodes.filter((n) => ids.has(n.id));
}

export function alignSelection(mode: AlignMode, sizeOf: SizeOf): void {
  arrangeSelection((nodes) => align(nodes, mode, sizeOf));
}

export function distributeSelection(axis: Axis, sizeOf: SizeOf): void {
  arrangeSelection((nodes) => distribute(nodes, axis, sizeOf));
}

export function selectedCount(): number {
  return store().selection.nodeIds.length;
}
