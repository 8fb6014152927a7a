import type { PresenceViewer } from "@eventloom/schema";
import { create } from "zustand";

interface PresenceState {
  flowId: string | null;
  /** This connection's id in the list (the same user's other tabs are listed like anyone else). */
  clientId: string | null;
  /** Everyone else with the flow open, in the order they came. */
  others: readonly PresenceViewer[];
  /** Node id → the color of (the first of) the others who selected it: what the canvas outlines. */
  selectedBy: ReadonlyMap<string, string>;
  show(flowId: string, clientId: string | null, viewers: readonly PresenceViewer[]): void;
  clear(): void;
}

const NOBODY = new Map<string, string>();

export const usePresenceStore = create<PresenceState>()((set, get) => ({
  flowId: null,
  clientId: null,
  others: [],
  selectedBy: NOBODY,
  show: (flowId, clientId, viewers) => {
    const me = clientId ?? get().clientId;
    const others = viewers.filter((viewer) => viewer.clientId !== me);
    const selectedBy = new Map<string, string>();
    for (const viewer of others) for (const nodeId of viewer.selection) if (!selectedBy.has(nodeId)) selectedBy.set(nodeId, viewer.color);
    set({ flowId, clientId: me, others, selectedBy: selectedBy.size > 0 ? selectedBy : NOBODY });
  },
  clear: () => set({ flowId: null, clientId: null, others: [], selectedBy: NOBODY }),
}));

/** One node's outline color, or undefined: each node re-renders only when its own answer changes. */
export function useRemoteSelectionColor(nodeId: string): string | undefined {
  return usePresenceStore((s) => s.selectedBy.get(nodeId));
}
