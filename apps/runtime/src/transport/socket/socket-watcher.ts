/** A socket as a TraceWatcher: frames go out only when the connection has nothing left to write. */
import type { ClientToServerEvents, ServerToClientEvents, TraceFrame } from "@eventloom/schema";
import type { Namespace, Socket } from "socket.io";
import type { FrameFanout, TraceWatcher } from "../../tracing/contract";

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
    fanout: fanoutOf(socket.nsp),
  };
}

type ServerNamespace = Namespace<ClientToServerEvents, ServerToClientEvents>;
const fanouts = new WeakMap<ServerNamespace, FrameFanout>();

/**
 * One fanout per namespace: a socket.io broadcast to the watchers' own rooms (every socket is in a room named
 * by its id) encodes the packet once and writes it to each. `local`: this server's sockets only — with the
 * Redis adapter a plain broadcast would also be published to every other server.
 */
function fanoutOf(nsp: ServerNamespace): FrameFanout {
  let fanout = fanouts.get(nsp);
  if (!fanout) {
    fanout = { send: (ids, frame) => nsp.local.to([...ids]).emit("trace:frame", frame) };
    fanouts.set(nsp, fanout);
  }
  return fanout;
}
