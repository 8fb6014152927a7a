import type { Position } from "@eventloom/schema";
import type { Command } from "../commands/registry";
import { useFlowStore } from "../stores/flow-store";
import { useUiStore } from "../stores/ui-store";
import type { AlignMode, SizeOf } from "./arrange";
import * as act from "./edit-actions";
import { connectPair } from "./graph-inserts";
import { useOverlayStore } from "./overlay-store";

/** What the commands need from the canvas (React Flow), passed in so the list stays plain data. */
export interface CanvasView {
  sizeOf: SizeOf;
  /** The flow position under the pointer, or null when it is not over the canvas. */
  pointerFlow(): Position | null;
  /** A screen point and flow point for popovers: the pointer, else the canvas centre. */
  anchor(): { screen: { x: number; y: number }; flow: Position };
}

const NUDGE = 16;
const flow = () => useFlowStore.getState();
const hasFlow = () => flow().flowId !== null;
const some = (n = 1) => () => hasFlow() && act.selectedCount() >= n;
const single = () => flow().selection.nodeIds.length === 1;
/** Arrow keys on a focused React Flow node already move it (its keyboard a11y); don't move twice. */
const notOnNode = () => !document.activeElement?.closest(".react-flow__node");

/** Undo/redo, selection, clipboard, nudging and arranging. */
export function editCommands(view: CanvasView): Command[] {
  return [...editingCommands(view), ...selectionCommands(view), ...arrangeCommands(view)];
}

function editingCommands(view: CanvasView): Command[] {
  const anySelected = () => hasFlow() && (flow().selection.nodeIds.length > 0 || flow().selection.edgeIds.length > 0);
  return [
    { id: "edit.undo", title: "Undo", group: "Edit", keys: ["Mod+Z"], enabled: () => flow().history.past.length > 0, run: () => flow().undo() },
    { id: "edit.redo", title: "Redo", group: "Edit", keys: ["Mod+Shift+Z", "Mod+Y"], enabled: () => flow().history.future.length > 0, run: () => flow().redo() },
    { id: "edit.copy", title: "Copy", group: "Edit", keys: ["Mod+C"], nativeKeys: true, enabled: some(), run: () => void act.copySelection() },
    { id: "edit.cut", title: "Cut", group: "Edit", keys: ["Mod+X"], nativeKeys: true, enabled: some(), run: () => void act.cutSelection() },
    { id: "edit.paste", title: "Paste", group: "Edit", keys: ["Mod+V"], nativeKeys: true, keywords: "import json", enabled: hasFlow, run: () => void act.pasteFromClipboard(view.pointerFlow()) },
    { id: "edit.duplicate", title: "Duplicate", group: "Edit", keys: ["Mod+D"], keywords: "clone copy", enabled: some(), run: act.duplicateSelection },
    { id: "edit.delete", title: "Delete selection", group: "Edit", keys: ["Delete", "Backspace"], keywords: "remove", enabled: anySelected, run: act.deleteSelection },
  ];
}

function selectionCommands(view: CanvasView): Command[] {
  return [
    { id: "select.all", title: "Select all", group: "Select", keys: ["Mod+A"], enabled: hasFlow, run: act.selectAll },
    { id: "select.none", title: "Select none", group: "Select", keys: ["Escape"], keywords: "deselect clear", enabled: () => hasFlow() && useOverlayStore.getState().overlay === null, run: act.clearSelection },
    { id: "node.configure", title: "Configure selected node", group: "Node", keys: ["E", "Enter"], keywords: "edit settings focus", enabled: () => single() && notOnButton(), run: focusConfig },
    { id: "node.connect", title: "Wire selected node(s)…", group: "Node", keys: ["C"], keywords: "connect link edge", enabled: () => [1, 2].includes(flow().selection.nodeIds.length), run: wireSelected },
    {
      id: "add.quick", title: "Quick add a node…", group: "Add", keys: ["/"], keywords: "insert new node type", enabled: hasFlow,
      run: () => useOverlayStore.getState().open({ kind: "quick-add", ...view.anchor() }),
    },
  ];
}

function arrangeCommands(view: CanvasView): Command[] {
  const nudge = (id: string, key: string, dx: number, dy: number): Command[] => [
    { id: `edit.nudge-${id}`, title: `Nudge ${id}`, group: "Arrange", keys: [key], enabled: () => some()() && notOnNode(), run: () => act.nudgeSelection(dx, dy) },
    { id: `edit.nudge-${id}-far`, title: `Nudge ${id} ×10`, group: "Arrange", keys: [`Shift+${key}`], enabled: some(), run: () => act.nudgeSelection(dx * 10, dy * 10) },
  ];
  const alignTo = (mode: AlignMode, title: string, key: string): Command => ({
    id: `arrange.align-${mode}`, title, group: "Arrange", keys: [key], keywords: "align line up", enabled: some(2), run: () => act.alignSelection(mode, view.sizeOf),
  });
  const spread = (axis: "horizontal" | "vertical", key: string): Command => ({
    id: `arrange.distribute-${axis}`, title: `Distribute ${axis}ly`, group: "Arrange", keys: [key], keywords: "spread space evenly", enabled: some(3), run: () => act.distributeSelection(axis, view.sizeOf),
  });
  return [
    ...nudge("left", "ArrowLeft", -NUDGE, 0),
    ...nudge("right", "ArrowRight", NUDGE, 0),
    ...nudge("up", "ArrowUp", 0, -NUDGE),
    ...nudge("down", "ArrowDown", 0, NUDGE),
    alignTo("left", "Align left edges", "Alt+Shift+L"),
    alignTo("center", "Align centres (vertical line)", "Alt+Shift+C"),
    alignTo("right", "Align right edges", "Alt+Shift+R"),
    alignTo("top", "Align top edges", "Alt+Shift+T"),
    alignTo("middle", "Align middles (horizontal line)", "Alt+Shift+M"),
    alignTo("bottom", "Align bottom edges", "Alt+Shift+B"),
    spread("horizontal", "Alt+Shift+H"),
    spread("vertical", "Alt+Shift+V"),
  ];
}

/** Two selected: wires them, or says why not. One selected: asks which node to wire it with. */
function wireSelected(): void {
  const [a, b] = flow().selection.nodeIds;
  if (a && !b) useOverlayStore.getState().open({ kind: "connect", nodeId: a });
  if (!a || !b) return;
  const result = connectPair(flow().graph, a, b);
  if ("problem" in result) useUiStore.getState().notify(result.problem, "error");
  else flow().applyGraph(result.graph);
}

/** Enter on a focused button must still click it. */
function notOnButton(): boolean {
  return !document.activeElement?.matches("button, a, [role=button], [role=option]");
}

/** Moves focus into the config panel's first field (keyboard-only configuring). */
export function focusConfig(): void {
  document.querySelector<HTMLElement>("[data-testid=config-panel] input, [data-testid=config-panel] select, [data-testid=config-panel] textarea")?.focus();
}
