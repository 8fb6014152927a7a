import { create } from "zustand";

const SNAP_KEY = "eventloom.snapToGrid";

function readSnap(): boolean {
  try {
    return window.localStorage.getItem(SNAP_KEY) !== "off";
  } catch {
    // Storage disabled: default on.
    return true;
  }
}

export interface ViewState {
  /** Nodes snap to the 16 px grid while dragged (remembered across sessions). */
  snapToGrid: boolean;
  toggleSnap(): void;
}

/** Canvas view preferences that are not part of the flow. */
export const useViewStore = create<ViewState>()((set, get) => ({
  snapToGrid: readSnap(),
  toggleSnap: () => {
    const snapToGrid = !get().snapToGrid;
    try {
      window.localStorage.setItem(SNAP_KEY, snapToGrid ? "on" : "off");
    } catch {
      // Not remembered; still applies now.
    }
    set({ snapToGrid });
  },
}));
