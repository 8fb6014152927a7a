export { mergeDrafts } from "./merge-drafts";
export type { DeletedConflict, DraftSnapshot, EdgeConflict, FieldConflict, FlowNameConflict, MergeChoice, MergeConflict, MergeResult } from "./merge-types";
export { sameValue } from "../../stores/same-graph";
