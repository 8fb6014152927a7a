/** "Follow one event" for both transports (REST and socket): the hub's answer, or a clear 404 when nothing of it is retained. */
import type { EventTrace } from "@eventloom/schema";
import { AppError } from "../errors";
import type { TraceHub } from "./trace-hub";

/** 404: the running deployment's ring holds no hop of the event (overwritten, never seen, or not running). */
export class EventNotRetainedError extends AppError {
  constructor(eventId: string) {
    super("NOT_FOUND", `Event ${eventId} is no longer retained: the trace ring of the running deployment holds no hop of it.`, 404, {
      path: ["eventId"],
    });
    this.name = "EventNotRetainedError";
  }
}

/** The hub's EventTrace for the event, or EventNotRetainedError. */
export async function followOrThrow(traces: TraceHub, flowId: string, eventId: string): Promise<EventTrace> {
  const trace = await traces.follow(flowId, eventId);
  if (!trace) throw new EventNotRetainedError(eventId);
  return trace;
}
