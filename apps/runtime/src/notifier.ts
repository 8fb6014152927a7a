import type { Deployment, Graph, TraceFrame } from "@eventloom/schema";

/**
 * What the services tell watching clients. transport/socket implements it with socket.io rooms; the
 * services never see socket.io (tests can pass a recording fake).
 */
export interface RuntimeNotifier {
  /** A saved draft: its new rev, name and graph, and who saved it (editors merge it into their drafts). */
  flowUpdated(update: FlowSaved): void;
  deploymentChanged(deployment: Deployment): void;
  /**
   * Periodic frames may be dropped for a client whose connection is busy (a slow browser gets fewer
   * frames, never a slower runtime); `reliable` frames (the final one after a stop) are always delivered.
   */
  traceFrame(frame: TraceFrame, options?: { reliable?: boolean }): void;
  /** Whether anyone watches the flow: frames are built only for an audience. */
  hasWatchers(flowId: string): boolean;
}

export interface FlowSaved {
  flowId: string;
  rev: number;
  name: string;
  graph: Graph;
  /** The graph at `rev - 1` (what this save changed), when known: the announcement then carries a patch. */
  baseGraph: Graph | null;
  savedByUserId: string | null;
}

/** Tells nobody: for scripts and tests that run services without socket.io. */
export const silentNotifier: RuntimeNotifier = {
  flowUpdated: () => undefined,
  deploymentChanged: () => undefined,
  traceFrame: () => undefined,
  hasWatchers: () => false,
};
