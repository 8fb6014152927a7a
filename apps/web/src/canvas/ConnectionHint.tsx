import { useConnection } from "@xyflow/react";
import { wireReason } from "./wire-reason";

/**
 * While a wire is dragged over a node it may not connect to, says why (the handle alone only turns red).
 * The reason comes from the same check that refuses the wire.
 */
export function ConnectionHint() {
  const reason = useConnection((c) => (c.inProgress && c.isValid === false ? wireReason(c) : null));
  if (!reason) return null;
  return (
    <div className="connection-hint" role="status" data-testid="connection-hint">
      <span aria-hidden="true">⛔</span> {reason}
    </div>
  );
}
