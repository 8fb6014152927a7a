import type { DragEvent } from "react";
import { offerImport } from "./flow-transfer";

/** True when the drag carries files from the desktop (not a palette item). */
export function isFileDrag(event: DragEvent): boolean {
  return event.dataTransfer.types.includes("Files");
}

/** Accepts a dropped flow file: the first file goes to the import dialog. Returns whether it handled the drop. */
export function dropFlowFile(event: DragEvent): boolean {
  const file = event.dataTransfer.files[0];
  if (!file) return false;
  event.preventDefault();
  void offerImport(file);
  return true;
}
