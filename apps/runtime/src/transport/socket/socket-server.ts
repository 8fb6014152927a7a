import type { ClientToServerEvents, ServerToClientEvents } from "@eventloom/schema";
import { Server } from "socket.io";

export type SocketServer = Server<ClientToServerEvents, ServerToClientEvents>;

export function flowRoom(flowId: string): string {
  return `flow:${flowId}`;
}

/**
 * Creates the socket.io server unattached, so services can be wired to it (through the notifier) before
 * the HTTP server exists; createApp attaches it to fastify's server.
 */
export function createSocketServer(options: { maxPayloadBytes: number }): SocketServer {
  return new Server<ClientToServerEvents, ServerToClientEvents>({
    // Inbound messages larger than this close the connection; smaller ones are parsed and answered.
    maxHttpBufferSize: options.maxPayloadBytes,
    serveClient: false,
  });
}
