import { create } from "zustand";

/** The editor's transient overlays; one at a time, Escape closes whichever is open. */
export type Overlay =
  | { kind: "palette" }
  | { kind: "help" }
  /** Pick a node to wire the selected one with. */
  | { kind: "connect"; nodeId: string }
  /** Quick-add at a screen point, adding at a flow point. */
  | { kind: "quick-add"; screen: { x: number; y: number }; flow: { x: number; y: number } }
  /** A producer → consumer wire dropped: offer to put a memory channel between them. */
  | { kind: "insert-channel"; screen: { x: number; y: number }; source: string; sourcePort: string; target: string; targetPort: string };

export interface OverlayState {
  overlay: Overlay | null;
  open(overlay: Overlay): void;
  close(): void;
}

export const useOverlayStore = create<OverlayState>()((set) => ({
  overlay: null,
  open: (overlay) => set({ overlay }),
  close: () => set({ overlay: null }),
}));
