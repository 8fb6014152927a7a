import "./editing.css";
import { useCommandKeys } from "../commands/useCommandKeys";
import { useRegisterCommands } from "../commands/useRegisterCommands";
import { appCommands } from "./app-commands";
import { CommandPalette } from "./CommandPalette";
import { ConnectPicker } from "./ConnectPicker";
import { editCommands } from "./edit-commands";
import { InsertChannelPopover } from "./InsertChannelPopover";
import { useOverlayStore } from "./overlay-store";
import { QuickAdd } from "./QuickAdd";
import { ShortcutsHelp } from "./ShortcutsHelp";
import { useCanvasView } from "./useCanvasView";
import { useClipboardEvents } from "./useClipboardEvents";

/**
 * Registers the editing and app commands, listens for their keys and the clipboard events, and shows the
 * overlay that is open (palette, shortcuts, quick-add, insert-channel). Rendered inside the ReactFlowProvider.
 */
export function EditorCommands() {
  const view = useCanvasView();
  useRegisterCommands(() => [...editCommands(view), ...appCommands()], [view]);
  useCommandKeys();
  useClipboardEvents(view);
  const overlay = useOverlayStore((s) => s.overlay);
  if (!overlay) return null;
  if (overlay.kind === "palette") return <CommandPalette />;
  if (overlay.kind === "help") return <ShortcutsHelp />;
  if (overlay.kind === "connect") return <ConnectPicker nodeId={overlay.nodeId} />;
  if (overlay.kind === "quick-add") return <QuickAdd screen={overlay.screen} flow={overlay.flow} onAdded={view.reveal} />;
  return <InsertChannelPopover request={overlay} onAdded={view.reveal} />;
}
