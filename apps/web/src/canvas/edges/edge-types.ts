import type { EdgeTypes } from "@xyflow/react";
import { LiveEdge } from "./LiveEdge";

/** At module scope: a new object per render would make React Flow remount every edge. */
export const edgeTypes: EdgeTypes = { live: LiveEdge };

/** The type every canvas edge carries (set in to-flow). */
export const LIVE_EDGE_TYPE = "live";
