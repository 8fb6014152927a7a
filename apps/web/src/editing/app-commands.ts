import type { Command } from "../commands/registry";
import { validateOnServer } from "../layout/DeployControls";
import { navigate } from "../routing/router";
import { deployFlow, injectEvent, saveFlow, stopFlow } from "../stores/flow-actions";
import { useFlowStore } from "../stores/flow-store";
import { useUiStore } from "../stores/ui-store";
import { useOverlayStore } from "./overlay-store";

const hasFlow = () => useFlowStore.getState().flowId !== null;
const running = () => ["running", "starting"].includes(useFlowStore.getState().deployment?.status ?? "");
/** The selected node when it is a manual producer of a running flow (what Inject needs). */
const injectable = () => {
  const { selection, graph } = useFlowStore.getState();
  const id = selection.nodeIds.length === 1 ? selection.nodeIds[0] : undefined;
  return running() && graph.nodes.find((n) => n.id === id)?.type === "manual" ? id : undefined;
};

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
    { id: "flow.validate", title: "Validate flow on the runtime", group: "Flow", keywords: "check problems", enabled: hasFlow, run: () => void validateOnServer() },
    { id: "node.inject", title: "Inject an event (selected manual producer)", group: "Node", keys: ["I"], keywords: "send trigger fire", enabled: () => injectable() !== undefined, run: () => void injectEvent(injectable() ?? "") },
    { id: "view.dock-trace", title: "Show trace", group: "View", keywords: "dock events debug", run: () => useUiStore.getState().setDockTab("trace") },
    { id: "view.connections", title: "Open broker connections", group: "View", keywords: "kafka rabbitmq nats mqtt redis kinesis event hubs broker secrets settings", run: () => navigate("/connections") },
    { id: "view.dock-problems", title: "Show problems", group: "View", keywords: "dock errors warnings", run: () => useUiStore.getState().setDockTab("problems") },
  ];
}
