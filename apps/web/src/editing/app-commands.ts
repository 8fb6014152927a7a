import type { Command } from "../commands/registry";
import { deployFlow, saveFlow, stopFlow } from "../stores/flow-actions";
import { useFlowStore } from "../stores/flow-store";
import { useOverlayStore } from "./overlay-store";

const hasFlow = () => useFlowStore.getState().flowId !== null;
const running = () => ["running", "starting"].includes(useFlowStore.getState().deployment?.status ?? "");

/** Flow verbs (save, deploy, stop), the palette and the help sheet. Zoom and fit live with the canvas toolbar. */
export function appCommands(): Command[] {
  const overlay = useOverlayStore.getState;
  const toggle = (kind: "palette" | "help") => () => (overlay().overlay?.kind === kind ? overlay().close() : overlay().open({ kind }));
  return [
    { id: "view.command-palette", title: "Command palette…", group: "View", keys: ["Mod+K", "Mod+Shift+P"], keywords: "actions search run", whileTyping: true, run: toggle("palette") },
    { id: "view.shortcuts", title: "Keyboard shortcuts", group: "View", keys: ["?"], keywords: "help keys keymap", run: toggle("help") },
    { id: "flow.save", title: "Save flow", group: "Flow", keys: ["Mod+S"], whileTyping: true, enabled: hasFlow, run: () => void saveFlow() },
    { id: "flow.deploy", title: "Deploy flow", group: "Flow", keys: ["Mod+Shift+D"], keywords: "run start redeploy", enabled: hasFlow, run: () => void deployFlow() },
    { id: "flow.stop", title: "Stop flow", group: "Flow", keywords: "halt undeploy", enabled: () => hasFlow() && running(), run: () => void stopFlow() },
  ];
}
