/**
 * Editing together on a socket: `flow:subscribe` joins a flow's editing room (its saves and its presence
 * list), `presence:update` shares this connection's selection and unsaved-edits flag, `flow:unsubscribe`
 * and disconnecting leave. Every payload is parsed; every answer is an ack, never a throw.
 * `presence:update` is rate-limited per socket (each one is broadcast to the whole room): past the limit it is
 * dropped and acked RATE_LIMITED. The web client shares selections at most every 150 ms, well under it.
 */
import { FlowSubscribeRequestSchema, PresenceUpdateRequestSchema, type ClientToServerEvents, type PresenceViewer, type ServerToClientEvents } from "@eventloom/schema";
import type { Socket } from "socket.io";
import type { EngineLogger } from "../../engine/contract";
import { AppError } from "../../errors";
import type { PresenceService } from "../../presence/presence-service";
import { editingRoom } from "./collab-rooms";
import { createTokenBucket } from "./token-bucket";
import { answer, parse } from "./socket-answer";
import type { SocketServer } from "./socket-server";

type ServerSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/** Who is on the socket, as far as one flow is concerned. */
export interface FlowParticipant {
  userId: string;
  name: string;
  /** Editor or owner of the flow's workspace; a viewer receives saves and presence but never shows as editing. */
  canEdit: boolean;
}

export interface CollabHandlerDeps {
  presence: PresenceService;
  /**
   * Checks that the socket's user may view the flow (throws NOT_FOUND like the REST routes, so ids cannot be
   * probed) and says who they are there.
   */
  participant(socket: ServerSocket, flowId: string): Promise<FlowParticipant>;
  logger: EngineLogger;
  now: () => number;
}

/** Per socket: 10 presence updates a second on average, bursts of 20. */
export const PRESENCE_RATE_LIMIT = { ratePerSecond: 10, burst: 20 };

export class SocketRateLimitedError extends AppError {
  constructor(event: string) {
    super("RATE_LIMITED", `Too many ${event} messages: at most ${PRESENCE_RATE_LIMIT.ratePerSecond} a second; this one was dropped.`, 429);
  }
}

export function registerCollabHandlers(io: SocketServer, deps: CollabHandlerDeps): void {
  const { presence, logger } = deps;
  const broadcast = (flowId: string, viewers: PresenceViewer[]) => io.to(editingRoom(flowId)).emit("presence:changed", { flowId, viewers });

  io.on("connection", (socket) => {
    const presenceBudget = createTokenBucket({ ...PRESENCE_RATE_LIMIT, now: deps.now });

    socket.on("flow:subscribe", (request, ack) => {
      void answer(ack, logger, async () => {
        const { flowId } = parse(FlowSubscribeRequestSchema, request);
        const who = await deps.participant(socket, flowId);
        // The socket may have gone while the check ran: joining then would leave a ghost in the list.
        if (socket.disconnected) throw new AppError("BAD_REQUEST", "The connection closed.", 400);
        await socket.join(editingRoom(flowId));
        const viewers = presence.join(flowId, { clientId: socket.id, ...who });
        socket.to(editingRoom(flowId)).emit("presence:changed", { flowId, viewers });
        return { clientId: socket.id, viewers };
      });
    });

    socket.on("flow:unsubscribe", (request, ack) => {
      void answer(ack, logger, async () => {
        const { flowId } = parse(FlowSubscribeRequestSchema, request);
        // Checked like every event, so the answer never tells an outsider whether the flow exists.
        await deps.participant(socket, flowId);
        await socket.leave(editingRoom(flowId));
        const viewers = presence.leave(flowId, socket.id);
        if (viewers) broadcast(flowId, viewers);
        return null;
      });
    });

    socket.on("presence:update", (request, ack) => {
      void answer(ack, logger, async () => {
        // Before parsing or the access check: a flood costs no database reads either.
        if (!presenceBudget.take()) throw new SocketRateLimitedError("presence:update");
        const { flowId, selection, editing } = parse(PresenceUpdateRequestSchema, request);
        // Rights can change while subscribed (a member removed): checked on every update.
        await deps.participant(socket, flowId);
        const viewers = presence.update(flowId, socket.id, { selection, editing });
        // Only a subscribed connection (its access checked on subscribe) can appear in a flow's list.
        if (!viewers) throw new AppError("BAD_REQUEST", "Subscribe to the flow (flow:subscribe) before sharing presence.", 400, { path: ["flowId"] });
        broadcast(flowId, viewers);
        return null;
      });
    });

    socket.on("disconnect", () => {
      for (const { flowId, viewers } of presence.leaveAll(socket.id)) broadcast(flowId, viewers);
    });
  });
}
