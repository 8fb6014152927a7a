/**
 * CloudEvent creation for one node. Producers start a new trace per event; consumers that publish keep the
 * incoming event's trace id with a new span id, so a trace follows one event across hops.
 */
import type { CloudEvent } from "@eventloom/schema";
import type { Clock } from "./contract";
import type { IdSource } from "./ids";

export interface EventFactory {
  /** ISO-8601 time now (cached per millisecond: formatting dates is costly on the hot path). */
  nowIso(): string;
  /** A new event that starts a new trace. */
  create(type: string, data: unknown, partitionKey?: string): CloudEvent;
  /** An event published in response to `parent`: same trace id, new span id, parent's partition key. */
  derive(parent: CloudEvent, type: string, data: unknown): CloudEvent;
}

export interface EventFactoryOptions {
  flowId: string;
  nodeId: string;
  clock: Clock;
  ids: IdSource;
}

const TRACEPARENT_PREFIX = "00-";
const TRACE_ID_END = 35;

export function createEventFactory(options: EventFactoryOptions): EventFactory {
  const { clock, ids } = options;
  const source = `eventloom/${options.flowId}/${options.nodeId}`;
  let lastMs = Number.NaN;
  let lastIso = "";

  const nowIso = (): string => {
    const ms = clock.now();
    if (ms !== lastMs) {
      lastMs = ms;
      lastIso = new Date(ms).toISOString();
    }
    return lastIso;
  };

  const build = (type: string, data: unknown, traceId: string | undefined, partitionKey: string | undefined): CloudEvent => {
    const span = ids.nextSpanId();
    const id = ids.longId(span);
    // The schema's catchall index signature (string | number | boolean) does not admit `data: unknown`, so an
    // object literal needs the assertion even though every field is valid.
    const event = {
      specversion: "1.0",
      id,
      source,
      type,
      time: nowIso(),
      datacontenttype: "application/json",
      data,
      traceparent: `${TRACEPARENT_PREFIX}${traceId ?? id}-${span}-01`,
    } as CloudEvent;
    if (partitionKey !== undefined) event.partitionkey = partitionKey;
    return event;
  };

  return {
    nowIso,
    create: (type, data, partitionKey) => build(type, data, undefined, partitionKey),
    derive: (parent, type, data) => build(type, data, traceIdOf(parent), parent.partitionkey),
  };
}

/** The 32-hex trace id of an event's `traceparent`, or undefined when it has none. */
export function traceIdOf(event: CloudEvent): string | undefined {
  const parent = event.traceparent;
  return parent !== undefined && parent.length >= TRACE_ID_END ? parent.slice(TRACEPARENT_PREFIX.length, TRACE_ID_END) : undefined;
}
