/**
 * "Follow one event" across processes: with competing consumers an event's hops are recorded by several
 * processes (published on the one that took the webhook, handled on another, re-published events on a
 * third). The process asked follows the event in its own ring, asks every other process running the flow
 * for theirs (trace-requests.ts), and merges the hops by time, each saying which worker recorded it.
 *
 * Re-published events carry the original's W3C trace id but not its event id: a process that only handled
 * those finds them by the trace id. When the asking process does not hold the event itself, it learns the
 * trace id from the first round's answers and asks once more with it.
 */
import { EventEnvelopeSchema, FollowedHopSchema, type EventTrace, type FollowedHop } from "@eventloom/schema";
import { z } from "zod";
import { FOLLOW_MAX_HOPS, followEvent, type FollowedEvent } from "../tracing/follow";
import type { SpanRing } from "../tracing/ring-recorder";
import type { Replies, TraceRequests } from "./trace-requests";

const FollowBodySchema = z.object({ eventId: z.string().min(1).max(200), traceId: z.string().nullable() });
const FollowReplySchema = z
  .object({ traceId: z.string().nullable(), hops: z.array(FollowedHopSchema).max(FOLLOW_MAX_HOPS), envelope: EventEnvelopeSchema.optional() })
  .nullable();

interface Found {
  workerId: string;
  followed: FollowedEvent;
}

export interface FollowShare {
  /** The event's hops on every process that answered in time; null when none holds any hop of it. */
  follow(flowId: string, eventId: string): Promise<EventTrace | null>;
  /** Another process's request: this process's hops (null: none), or undefined when the flow does not run here. */
  answer(flowId: string, body: unknown): unknown;
}

export function createFollowShare(deps: { workerId: string; requests: TraceRequests; localRing(flowId: string): SpanRing | undefined }): FollowShare {
  const { workerId, requests } = deps;

  const followHere = (flowId: string, eventId: string, traceId: string | null): Found[] => {
    const ring = deps.localRing(flowId);
    const followed = ring ? followEvent(ring, eventId, traceId) : null;
    return followed ? [{ workerId, followed }] : [];
  };

  const askOthers = async (flowId: string, eventId: string, traceId: string | null, skip: readonly string[] = []): Promise<{ found: Found[]; unanswered: string[] }> => {
    const { replies, unanswered }: Replies = await requests.ask(flowId, { eventId, traceId }, skip);
    const found: Found[] = [];
    for (const reply of replies) {
      const parsed = FollowReplySchema.safeParse(reply.body);
      // A malformed answer counts as no answer: the result is flagged partial rather than wrong.
      if (!parsed.success) unanswered.push(reply.workerId);
      else if (parsed.data) found.push({ workerId: reply.workerId, followed: parsed.data });
    }
    return { found, unanswered };
  };

  return {
    async follow(flowId, eventId) {
      const here = followHere(flowId, eventId, null);
      const knownTraceId = here[0]?.followed.traceId ?? null;
      let others = await askOthers(flowId, eventId, knownTraceId);
      let found = [...here, ...others.found];
      const learntTraceId = knownTraceId ?? found.find((entry) => entry.followed.traceId !== null)?.followed.traceId ?? null;
      let unanswered = others.unanswered;
      if (knownTraceId === null && learntTraceId !== null) {
        // Who did not answer the first round is not waited for again: one timeout at most per request.
        others = await askOthers(flowId, eventId, learntTraceId, unanswered);
        found = [...followHere(flowId, eventId, learntTraceId), ...others.found];
        unanswered = [...unanswered, ...others.unanswered];
      }
      return merged(flowId, eventId, found, unanswered);
    },
    answer(flowId, body) {
      if (!deps.localRing(flowId)) return undefined;
      const { eventId, traceId } = FollowBodySchema.parse(body);
      return followHere(flowId, eventId, traceId)[0]?.followed ?? null;
    },
  };
}

/** Every process's hops in time order (ties keep the answer order), capped, each naming its worker. */
function merged(flowId: string, eventId: string, found: readonly Found[], unanswered: readonly string[]): EventTrace | null {
  const hops: FollowedHop[] = found.flatMap(({ workerId, followed }) => followed.hops.map((hop) => ({ ...hop, workerId })));
  if (hops.length === 0) return null;
  hops.sort((a, b) => a.at - b.at);
  const trace: EventTrace = {
    flowId,
    eventId,
    traceId: found.find((entry) => entry.followed.traceId !== null)?.followed.traceId ?? null,
    hops: hops.slice(0, FOLLOW_MAX_HOPS),
  };
  const envelope = found.find((entry) => entry.followed.envelope)?.followed.envelope;
  if (envelope) trace.envelope = envelope;
  if (unanswered.length > 0) {
    trace.partial = true;
    trace.unanswered = [...unanswered].sort();
  }
  return trace;
}
