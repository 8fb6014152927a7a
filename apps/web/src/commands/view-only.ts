import type { Command } from "./registry";

/**
 * What a viewer may still do: look around (view.*), select, copy, export. An allow-list, so a command added later
 * is hidden from viewers until someone decides it only reads.
 */
const VIEWER_COMMANDS = new Set(["select.all", "select.none", "edit.copy", "flow.export"]);

export function allowedWhileViewOnly(command: Pick<Command, "id">): boolean {
  return command.id.startsWith("view.") || VIEWER_COMMANDS.has(command.id);
}
