/**
 * Editing together: the socket payloads for following a flow's saves and for presence (who else has the
 * flow open, what they have selected, whether they have unsaved edits). Every client → server payload is
 * parsed with these on arrival; the web parses server → client payloads with them too.
 */
import { z } from "zod";
import { GraphSchema, IdSchema } from "./flow";
import { GraphPatchSchema } from "./graph-patch";

/** A selection bigger than this is cut, not refused: presence is a hint, not data. */
export const PRESENCE_MAX_SELECTION = 200;

/** `flow:subscribe` / `flow:unsubscribe`: join or leave a flow's editing room (saves + presence). */
export const FlowSubscribeRequestSchema = z.strictObject({ flowId: IdSchema });
export type FlowSubscribeRequest = z.infer<typeof FlowSubscribeRequestSchema>;

/** `presence:update`: this client's selected node ids and whether it has unsaved edits (sent throttled). */
export const PresenceUpdateRequestSchema = z.strictObject({
  flowId: IdSchema,
  selection: z.array(IdSchema).max(5000).transform((ids) => [...new Set(ids)].slice(0, PRESENCE_MAX_SELECTION)),
  editing: z.boolean(),
});
export type PresenceUpdateRequest = z.input<typeof PresenceUpdateRequestSchema>;

/** One connection viewing a flow. One user in two tabs is two viewers with the same userId and color. */
export const PresenceViewerSchema = z.object({
  /** The connection (socket id): lets a client tell itself apart from the same user's other tabs. */
  clientId: z.string().min(1).max(100),
  userId: z.string().min(1).max(100),
  name: z.string().max(200),
  /** A CSS color derived from the user id: the same on every screen and every visit. */
  color: z.string().max(40),
  selection: z.array(IdSchema).max(PRESENCE_MAX_SELECTION),
  /** Has unsaved edits (an editor typing); viewers are never editing. */
  editing: z.boolean(),
});
export type PresenceViewer = z.infer<typeof PresenceViewerSchema>;

/** `presence:changed`: everyone in the flow's room, sent on every join, leave and update. */
export const PresenceChangedSchema = z.object({ flowId: IdSchema, viewers: z.array(PresenceViewerSchema) });
export type PresenceChanged = z.infer<typeof PresenceChangedSchema>;

/** The `flow:subscribe` ack: this connection's id in the viewer list, and the viewers right now. */
export interface FlowSubscribeAck {
  clientId: string;
  viewers: PresenceViewer[];
}

/** Who saved: null for a save no user made (e.g. a script without a session). */
export const SavedBySchema = z.object({ userId: z.string(), name: z.string() }).nullable();
export type SavedBy = z.infer<typeof SavedBySchema>;

/**
 * How a save's graph travels: usually as a patch against the graph at `baseRev` (the rev before the save) —
 * a client whose saved graph is at `baseRev` applies it (`applyGraphPatch`); any other client fetches the flow
 * instead. Whole, when no patch reproduces the graph exactly (items reordered) or the base is not known.
 */
export const FlowChangeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("patch"), baseRev: z.number().int().positive(), patch: GraphPatchSchema }),
  z.object({ kind: z.literal("graph"), graph: GraphSchema }),
]);
export type FlowChange = z.infer<typeof FlowChangeSchema>;

/** `flow:updated`: a save — its new rev and name, its graph change, its node count (for lists) and who saved. */
export const FlowUpdatedSchema = z.object({
  flowId: IdSchema,
  rev: z.number().int().positive(),
  name: z.string(),
  nodeCount: z.number().int().nonnegative(),
  change: FlowChangeSchema,
  savedBy: SavedBySchema,
});
export type FlowUpdated = z.infer<typeof FlowUpdatedSchema>;
