import { create } from "zustand";
import type { FlowFileResult } from "./flow-file";

/** A file the user picked or dropped, waiting for their choice (or showing why it was refused). */
export interface PendingImport {
  fileName: string;
  result: FlowFileResult;
}

export interface ImportState {
  pending: PendingImport | null;
  show(pending: PendingImport): void;
  close(): void;
}

export const useImportStore = create<ImportState>()((set) => ({
  pending: null,
  show: (pending) => set({ pending }),
  close: () => set({ pending: null }),
}));
