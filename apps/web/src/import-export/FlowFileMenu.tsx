import { useRef } from "react";
import { formatBinding } from "../commands/keys";
import { MenuButton } from "../layout/MenuButton";
import { useRegisterCommands } from "../commands/useRegisterCommands";
import { useFlowStore } from "../stores/flow-store";
import { useThemeStore } from "../theme/theme-store";
import { exportCurrentFlow, offerImport } from "./flow-transfer";

const INPUT_ID = "import-file-input";

/** Opens the file picker of the import input (the command and the button share it). */
function pickImportFile(): void {
  document.getElementById(INPUT_ID)?.click();
}

/** The top bar's File menu (import, export) and their commands. */
export function FlowFileMenu() {
  const flowId = useFlowStore((s) => s.flowId);
  const readOnly = useFlowStore((s) => s.readOnly);
  const input = useRef<HTMLInputElement>(null);

  useRegisterCommands(
    () => [
      { id: "flow.import", title: "Import a flow file…", group: "Flow", keys: ["Mod+O"], keywords: "open json upload", run: pickImportFile },
      {
        id: "flow.export",
        title: "Export this flow as JSON",
        group: "Flow",
        keys: ["Mod+Shift+E"],
        keywords: "download save file",
        enabled: () => useFlowStore.getState().flowId !== null,
        run: exportCurrentFlow,
      },
      { id: "view.theme", title: "Switch theme (system, light, dark)", group: "View", keywords: "dark light colour color mode", run: () => useThemeStore.getState().cycle() },
    ],
    [],
  );

  return (
    <div className="flow-file-menu">
      <input
        ref={input}
        id={INPUT_ID}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="import-file-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared so choosing the same file again still fires change.
          event.target.value = "";
          if (file) void offerImport(file);
        }}
      />
      {/* One "File" menu rather than two buttons: the top bar's width goes to the workspace's and flow's names. */}
      <MenuButton label={<>File <span aria-hidden="true">▾</span></>} ariaLabel="File: import or export a flow" className="flow-file-menu__button" testId="flow-file-menu">
        {(close) => (
          <>
            {!readOnly && (
              <button type="button" className="menu-item" onClick={() => { close(); pickImportFile(); }} data-testid="import-button" title={`Import a flow file (${formatBinding("Mod+O")})`}>
                Import a flow file…
              </button>
            )}
            <button
              type="button"
              className="menu-item"
              onClick={() => { close(); exportCurrentFlow(); }}
              disabled={!flowId}
              data-testid="export-button"
              title={`Export this flow as JSON (${formatBinding("Mod+Shift+E")})`}
            >
              Export this flow as JSON
            </button>
          </>
        )}
      </MenuButton>
    </div>
  );
}
