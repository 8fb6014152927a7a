/**
 * Hands one tick's frames to the watch sessions. Most watchers get the same frame (no capture filter, nothing
 * missed): those on a shared fanout get it in one call, so it is serialised once per tick instead of once per
 * client — with ten watchers, serialising was most of the batcher's time.
 */
import type { CaptureScope } from "./capture";
import type { CaptureFilter, FrameFanout } from "./contract";
import type { SharedFrame, WatchSession } from "./watch-session";

/** Delivers `shared` to every session; `guard` runs each send so one failing client cannot stop the others. */
export function deliverFrames(
  sessions: readonly WatchSession[],
  shared: SharedFrame,
  scopeFor: (filter: CaptureFilter) => CaptureScope | undefined,
  guard: (send: () => unknown) => void,
): void {
  const groups = new Map<FrameFanout, string[]>();
  for (const session of sessions) {
    guard(() => {
      const frame = session.frameFor(shared, scopeFor);
      if (!frame) return;
      const fanout = session.watcher.fanout;
      if (frame !== shared.common || !fanout) return session.watcher.send(frame);
      const ids = groups.get(fanout);
      if (ids) ids.push(session.watcher.id);
      else groups.set(fanout, [session.watcher.id]);
    });
  }
  for (const [fanout, ids] of groups) guard(() => fanout.send(ids, shared.common));
}
