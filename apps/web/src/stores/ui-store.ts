import type { Problem } from "@eventloom/schema";
import { create } from "zustand";

export type DockTab = "trace" | "problems" | "versions";

export interface Notice {
  id: number;
  text: string;
  tone: "info" | "error";
}

/** Why the last deploy was refused, with the server's problems when it was the server that refused. */
export interface DeployRefusal {
  message: string;
  serverProblems: Problem[];
}

export interface UiState {
  dockTab: DockTab;
  notice: Notice | null;
  deployRefusal: DeployRefusal | null;
  busy: "deploying" | "stopping" | null;
  setDockTab(tab: DockTab): void;
  notify(text: string, tone?: Notice["tone"]): void;
  dismissNotice(): void;
  refuseDeploy(refusal: DeployRefusal | null): void;
  setBusy(busy: UiState["busy"]): void;
}

let noticeId = 1;

export const useUiStore = create<UiState>()((set) => ({
  dockTab: "trace",
  notice: null,
  deployRefusal: null,
  busy: null,
  setDockTab: (dockTab) => set({ dockTab }),
  notify: (text, tone = "info") => set({ notice: { id: noticeId++, text, tone } }),
  dismissNotice: () => set({ notice: null }),
  refuseDeploy: (deployRefusal) => set(deployRefusal ? { deployRefusal, dockTab: "problems" } : { deployRefusal }),
  setBusy: (busy) => set({ busy }),
}));
