import { ReactFlowProvider } from "@xyflow/react";
import { useAutosave } from "./autosave/useAutosave";
import { Canvas } from "./canvas/Canvas";
import { ConnectionsPage, parseCreateKind } from "./connections/ConnectionsPage";
import { ImportDialog } from "./import-export/ImportDialog";
import { EditorCommands } from "./editing/EditorCommands";
import { ConflictDialog } from "./collab/ConflictDialog";
import { usePresence } from "./collab/usePresence";
import { ConflictBanner } from "./layout/ConflictBanner";
import { EmptyWorkspace } from "./layout/EmptyWorkspace";
import { NoticeToast } from "./layout/NoticeToast";
import { TopBar } from "./layout/TopBar";
import { useEditorShortcuts } from "./layout/useEditorShortcuts";
import { ConfigPanel } from "./panels/config/ConfigPanel";
import { Dock } from "./panels/dock/Dock";
import { useDeploymentWatch, useRealtime } from "./realtime/useRealtime";
import type { Route } from "./routing/router";
import { useFlowRouting } from "./routing/useFlowRouting";
import { FlowList } from "./sidebar/FlowList";
import { Palette } from "./sidebar/Palette";
import { useFlowStore } from "./stores/flow-store";
import { useViewOnlyCommands } from "./commands/useViewOnlyCommands";
import { SettingsPage } from "./workspaces/settings/SettingsPage";

/** The editor shell: top bar, sidebar (flows + palette), canvas, config panel, bottom dock; or another page. */
export function App({ route }: { route: Route }) {
  const socket = useRealtime();
  const flowId = useFlowStore((s) => s.flowId);
  const readOnly = useFlowStore((s) => s.readOnly);
  useViewOnlyCommands(readOnly);
  useDeploymentWatch(socket, flowId);
  usePresence(socket, flowId);
  useFlowRouting();
  useAutosave();
  useEditorShortcuts();

  return (
    // The provider wraps the whole shell so the palette and Problems tab can use the canvas viewport too.
    <ReactFlowProvider>
      <div className="app">
        <TopBar />
        <ConflictBanner />
        {route.name === "connections" && <ConnectionsPage createKind={parseCreateKind(route.createKind)} />}
        {route.name === "settings" && <SettingsPage tab={route.tab} />}
        {route.name !== "connections" && route.name !== "settings" && (
          <div className="workspace">
            <nav className="sidebar" aria-label={readOnly ? "Flows" : "Flows and palette"}>
              <FlowList />
              {!readOnly && <Palette />}
            </nav>
            <main className="main">
              <div className="main__stage">
                {flowId ? <Canvas /> : <EmptyWorkspace />}
                <ConfigPanel />
              </div>
              <Dock />
            </main>
          </div>
        )}
        <NoticeToast />
        <EditorCommands />
        <ImportDialog />
        <ConflictDialog />
      </div>
    </ReactFlowProvider>
  );
}
