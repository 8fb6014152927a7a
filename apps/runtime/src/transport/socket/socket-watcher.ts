/** A socket as a TraceWatcher: frames go out only when the connection has nothing left to write. */
import type { ClientToServerEvents, ServerToClientEvents, TraceFrame } from "@eventloom/schema";
import type { Socket } from "socket.io";
import type { TraceWatcher } from "../../tracing/contract";

type ServerSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/** engine.io keeps unsent packets in `writeBuffer` (not in its public types) while the transport is busy. */
interface EngineConnection {
  writeBuffer?: unknown[];
  transport?: { writable?: boolean };
}

/**
 * Ready when engine.io has no queued packets and its transport is writable (a websocket becomes writable
 * again once the previous frame reached the kernel). A client that stops reading fills the TCP window, so
 * its transport stays busy and its frames are skipped (counted by the session), never queued.
 */
export function createSocketWatcher(socket: ServerSocket): TraceWatcher {
  const connection = socket.conn as unknown as EngineConnection;
  return {
    id: socket.id,
    ready: () => socket.connected && connection.transport?.writable === true && (connection.writeBuffer?.length ?? 0) === 0,
    send: (frame: TraceFrame) => {
      socket.emit("trace:frame", frame);
    },
  };
}
