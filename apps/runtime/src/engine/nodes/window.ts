/**
 * Window aggregates. Time windows (processing time) keep, per group, one Stats bucket per slide; a timer at
 * every slide boundary emits the merged buckets of each group that saw events, then recycles the oldest
 * bucket. Count windows keep the group's last `size` values in a ring and emit every `slide` events.
 * Tumbling windows are sliding windows whose slide equals their size. Emitted events continue the trace of
 * the window's last event.
 */
import { WindowConfigSchema, type CloudEvent, type WindowConfig } from "@eventloom/schema";
import type { ConsumerHandler } from "../consumer-runtime";
import { compilePath, readPath } from "../safe-path";
import type { NodeEnv } from "./node-env";
import { addEvent, aggregateOf, emptyStats, mergeInto, resetStats, type Stats } from "./stats";

/** Groups tracked at once; events of further groups are pooled under OTHER_GROUP. */
export const MAX_GROUPS = 10_000;
export const OTHER_GROUP = "(other)";

export function createWindow(env: NodeEnv, rawConfig: unknown): ConsumerHandler {
  const config = WindowConfigSchema.parse(rawConfig);
  const field = config.aggregate === "count" || config.field === "" ? undefined : compilePath(config.field);
  const group = config.groupBy === "" ? undefined : compilePath(config.groupBy);
  const slide = config.kind === "tumbling" ? config.size : config.slide;
  const read: Reader = {
    value: (event) => (field ? readPath(event, field) : undefined),
    group: (event) => (group ? String(readPath(event, group) ?? "") : ""),
  };
  return config.by === "time" ? timeWindow(env, config, slide, read) : countWindow(env, config, slide, read);
}

interface Reader {
  value(event: CloudEvent): unknown;
  group(event: CloudEvent): string;
}

interface TimeGroup {
  buckets: Stats[];
  last: CloudEvent;
}

function groupKey<T>(groups: Map<string, T>, key: string): string {
  return groups.has(key) || groups.size < MAX_GROUPS ? key : OTHER_GROUP;
}

function emit(env: NodeEnv, config: WindowConfig, last: CloudEvent, key: string, stats: Stats, bounds: object): void {
  const data = {
    aggregate: config.aggregate,
    ...(config.aggregate === "count" ? {} : { field: config.field }),
    value: aggregateOf(stats, config.aggregate),
    count: stats.events,
    ...(config.groupBy === "" ? {} : { group: key }),
    ...bounds,
  };
  env.outlet.publish(env.events.derive(last, config.eventType, data));
}

function timeWindow(env: NodeEnv, config: WindowConfig, slide: number, read: Reader): ConsumerHandler {
  const slots = config.size / slide;
  const groups = new Map<string, TimeGroup>();
  const { clock } = env;
  const startMs = clock.now();
  let ticks = 0;
  let current = 0;
  let timer: unknown;
  const merged = emptyStats();

  const tick = (): void => {
    ticks++;
    const end = startMs + ticks * slide;
    const bounds = { start: new Date(end - config.size).toISOString(), end: new Date(end).toISOString() };
    for (const [key, g] of groups) {
      resetStats(merged);
      for (const bucket of g.buckets) mergeInto(merged, bucket);
      if (merged.events === 0) {
        groups.delete(key);
        continue;
      }
      emit(env, config, g.last, key, merged, bounds);
    }
    current = (current + 1) % slots;
    for (const g of groups.values()) resetStats(g.buckets[current]!);
    timer = clock.setTimeout(tick, Math.max(0, startMs + (ticks + 1) * slide - clock.now()));
  };
  timer = clock.setTimeout(tick, slide);

  return {
    handle(event) {
      const key = groupKey(groups, read.group(event));
      let g = groups.get(key);
      if (!g) {
        g = { buckets: Array.from({ length: slots }, emptyStats), last: event };
        groups.set(key, g);
      }
      g.last = event;
      addEvent(g.buckets[current]!, read.value(event));
    },
    stop() {
      clock.clearTimeout(timer);
    },
  };
}

interface CountGroup {
  values: Float64Array;
  seen: number;
}

function countWindow(env: NodeEnv, config: WindowConfig, slide: number, read: Reader): ConsumerHandler {
  const groups = new Map<string, CountGroup>();
  const stats = emptyStats();
  return {
    handle(event) {
      const key = groupKey(groups, read.group(event));
      let g = groups.get(key);
      if (!g) {
        g = { values: new Float64Array(config.size), seen: 0 };
        groups.set(key, g);
      }
      const value = read.value(event);
      // NaN marks "no number here": the event still counts, its value does not.
      g.values[g.seen % config.size] = typeof value === "number" ? value : Number.NaN;
      g.seen++;
      if (g.seen % slide !== 0) return;
      resetStats(stats);
      const n = Math.min(g.seen, config.size);
      for (let i = 0; i < n; i++) addEvent(stats, g.values[i]);
      emit(env, config, event, key, stats, { windowEvents: n });
    },
  };
}
