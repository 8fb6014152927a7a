/**
 * The trace hub in cluster mode: watching, frames and snapshots stay the local hub's; capture filters are
 * also announced to the other processes (capture-share.ts) and "follow one event" asks them for their hops
 * (follow-share.ts). Like sharePresence, a wrapper: the transport and runner do not know the difference.
 */
import type { TraceHub } from "../tracing";
import type { CaptureShare } from "./capture-share";
import type { FollowShare } from "./follow-share";

export function shareTraceHub(local: TraceHub, deps: { captures: CaptureShare; follows: FollowShare }): TraceHub {
  const { captures, follows } = deps;
  return {
    createTraceBatcher: (options) => local.createTraceBatcher(options),
    watch: (flowId, watcher) => local.watch(flowId, watcher),
    unwatch(flowId, watcherId) {
      local.unwatch(flowId, watcherId);
      captures.set(flowId, watcherId, null);
    },
    unwatchAll(watcherId) {
      local.unwatchAll(watcherId);
      captures.forgetWatcher(watcherId);
    },
    capture(flowId, watcherId, filter) {
      const outcome = local.capture(flowId, watcherId, filter);
      if (outcome === "ok") captures.set(flowId, watcherId, filter);
      return outcome;
    },
    follow: (flowId, eventId) => follows.follow(flowId, eventId),
    deliverCaptured: (flowId, watcherId, spans) => local.deliverCaptured(flowId, watcherId, spans),
    snapshot: (flowId) => local.snapshot(flowId),
  };
}
