import { useRegisterCommands } from "../commands/useRegisterCommands";
import { useSearchStore } from "../search/search-store";
import { useFlowStore } from "../stores/flow-store";
import type { ViewActions } from "./useViewActions";
import { useViewStore } from "./view-store";

const hasNodes = () => useFlowStore.getState().graph.nodes.length > 0;
const hasSelection = () => useFlowStore.getState().selection.nodeIds.length > 0;

/** The canvas's view and arrange commands (palette, keys, help sheet) while a flow is open. */
export function useCanvasCommands(actions: ViewActions): void {
  useRegisterCommands(
    () => [
      {
        id: "arrange.auto-layout",
        title: "Auto-layout (selection, or the whole flow)",
        group: "Arrange",
        keys: ["Mod+Shift+L"],
        keywords: "tidy arrange elk organise left to right",
        // Mod+Shift+L means nothing to a text field, so it works straight from the config panel too.
        whileTyping: true,
        enabled: hasNodes,
        run: () => void actions.layout(),
      },
      { id: "view.search", title: "Search in the flow", group: "View", keys: ["Mod+F"], keywords: "find", whileTyping: true, run: () => useSearchStore.getState().show() },
      { id: "view.fit", title: "Zoom to fit", group: "View", keys: ["Shift+F"], keywords: "fit view all", enabled: hasNodes, run: actions.fitFlow },
      { id: "view.zoom-selection", title: "Zoom to selection", group: "View", keys: ["Shift+S"], enabled: hasSelection, run: actions.zoomToSelection },
      { id: "view.zoom-in", title: "Zoom in", group: "View", keys: ["+", "="], run: actions.zoomIn },
      { id: "view.zoom-out", title: "Zoom out", group: "View", keys: ["-"], run: actions.zoomOut },
      { id: "view.toggle-snap", title: "Toggle snap to grid", group: "View", keys: ["Shift+G"], keywords: "grid align", run: () => useViewStore.getState().toggleSnap() },
    ],
    [actions],
  );
}
