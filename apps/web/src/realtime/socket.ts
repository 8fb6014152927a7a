import type { ClientToServerEvents, ServerToClientEvents } from "@eventloom/schema";
import { io, type Socket } from "socket.io-client";

export type EventloomSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** One typed connection to the runtime, same origin (Vite proxies /socket.io in dev). */
export function createSocket(): EventloomSocket {
  return io({ path: "/socket.io", autoConnect: true, reconnectionDelayMax: 5000 });
}
