/**
 * Request and reply over the cluster's Redis pub/sub: one process asks every other process running a flow,
 * and each answers on the asker's own channel. The asker waits for the workers the flow's runner hash names
 * (flow-runners.ts), at most `timeoutMs`: a worker that does not answer by then is reported as unanswered
 * instead of failing the request. Answers from workers it did not know of are kept too.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { EngineLogger } from "../engine/contract";
import type { ClusterBus } from "./cluster-bus";
import { clusterKeys } from "./cluster-keys";
import type { FlowRunners } from "./flow-runners";

const RequestSchema = z.object({ id: z.string(), replyTo: z.string(), workerId: z.string(), flowId: z.string(), body: z.unknown() });
const ReplySchema = z.object({ id: z.string(), workerId: z.string(), body: z.unknown() });

export interface Replies {
  replies: Array<{ workerId: string; body: unknown }>;
  /** Workers running the flow that did not answer in time. */
  unanswered: string[];
}

/** This process's answer to a request about a flow; undefined when it does not run the flow (no reply). */
export type Answerer = (flowId: string, body: unknown) => unknown;

export interface TraceRequests {
  /** `skip`: workers not to wait for (they already failed to answer a previous round). */
  ask(flowId: string, body: unknown, skip?: readonly string[]): Promise<Replies>;
  start(answer: Answerer): Promise<void>;
}

export function createTraceRequests(deps: { bus: ClusterBus; workerId: string; runners: () => FlowRunners | undefined; timeoutMs: number; logger: EngineLogger }): TraceRequests {
  const { bus, workerId, logger } = deps;
  const incarnation = `${workerId}/${randomUUID()}`;
  const waiting = new Map<string, (reply: { workerId: string; body: unknown }) => void>();

  return {
    async ask(flowId, body, skip = []) {
      const expected = new Set((await deps.runners()?.othersOf(flowId)) ?? []);
      for (const workerId of skip) expected.delete(workerId);
      if (expected.size === 0) return { replies: [], unanswered: [] };
      const id = randomUUID();
      const replies: Replies["replies"] = [];
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deps.timeoutMs);
        waiting.set(id, (reply) => {
          replies.push(reply);
          expected.delete(reply.workerId);
          if (expected.size > 0) return;
          clearTimeout(timer);
          resolve();
        });
        bus.publish(clusterKeys.traceRequests, { id, replyTo: incarnation, workerId, flowId, body });
      });
      waiting.delete(id);
      return { replies, unanswered: [...expected] };
    },
    async start(answer) {
      await bus.subscribe(clusterKeys.traceReplies(incarnation), (raw) => {
        const reply = ReplySchema.safeParse(raw);
        if (!reply.success) return logger.warn({ issues: reply.error.issues }, "cluster: malformed trace reply skipped");
        waiting.get(reply.data.id)?.({ workerId: reply.data.workerId, body: reply.data.body });
      });
      await bus.subscribe(clusterKeys.traceRequests, (raw) => {
        const request = RequestSchema.safeParse(raw);
        if (!request.success) return logger.warn({ issues: request.error.issues }, "cluster: malformed trace request skipped");
        const { id, replyTo, workerId: asker, flowId, body } = request.data;
        if (asker === workerId) return;
        let reply: unknown;
        try {
          reply = answer(flowId, body);
        } catch (error) {
          // No reply: the asker reports this worker as unanswered after its timeout.
          return logger.error({ err: error, flowId }, "cluster: answering a trace request failed");
        }
        if (reply !== undefined) bus.publish(clusterKeys.traceReplies(replyTo), { id, workerId, body: reply });
      });
    },
  };
}
