import type { Command } from "../commands/registry";
import { deployFlow, saveFlow, stopFlow } from "../stores/flow-actions";
import { useFlowStore } from "../stores/flow-store";
import { useOverlayStore } from "./overlay-store";

/** What the view commands need from React Flow. */
export interface ViewControls {
  fitView(): void;
  zoomIn(): void;
  zoomOut(): void;
}

const hasFlow = () => useFlowStore.getState().flowId !== null;
const running = () => ["running", "starting"].includes(useFlowStore.getState().deployment?.status ?? "");

/** Flow verbs (save, deploy, stop) and view commands (palette, help, zoom). */
export function appCommands(view: ViewControls): Command[] {
  const overlay = useOverlayStore.getState;
  const toggle = (kind: "palette" | "help") => () => (overlay().overlay?.kind === kind ? overlay().close() : overlay().open({ kind }));
  return [
    { id: "view.command-palette", title: "Command palette…", group: "View", keys: ["Mod+K", "Mod+Shift+P"], keywords: "actions search run", whileTyping: true, run: toggle("palette") },
    { id: "view.shortcuts", title: "Keyboard shortcuts", group: "View", keys: ["?"], keywords: "help keys keymap", run: toggle("help") },
    { id: "view.fit", title: "Zoom to fit", group: "View", keys: ["Shift+1"], keywords: "fit view all", enabled: hasFlow, run: view.fitView },
    { id: "view.zoom-in", title: "Zoom in", group: "View", keys: ["+", "="], enabled: hasFlow, run: view.zoomIn },
    { id: "view.zoom-out", title: "Zoom out", group: "View", keys: ["-"], enabled: hasFlow, run: view.zoomOut },
    { id: "flow.save", title: "Save flow", group: "Flow", keys: ["Mod+S"], whileTyping: true, enabled: hasFlow, run: () => void saveFlow() },
    { id: "flow.deploy", title: "Deploy flow", group: "Flow", keys: ["Mod+Shift+D"], keywords: "run start redeploy", enabled: hasFlow, run: () => void deployFlow() },
    { id: "flow.stop", title: "Stop flow", group: "Flow", keywords: "halt undeploy", enabled: () => hasFlow() && running(), run: () => void stopFlow() },
  ];
}
