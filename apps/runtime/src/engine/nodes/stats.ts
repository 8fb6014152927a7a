/**
 * Running statistics for windows and alerts: event count plus count/sum/min/max of the numeric values seen.
 * Buckets of these merge cheaply, so sliding windows keep one bucket per slide instead of every event.
 */
import type { Aggregate } from "@eventloom/schema";

export interface Stats {
  events: number;
  numbers: number;
  sum: number;
  min: number;
  max: number;
}

export function emptyStats(): Stats {
  return { events: 0, numbers: 0, sum: 0, min: Number.POSITIVE_INFINITY, max: Number.NEGATIVE_INFINITY };
}

export function resetStats(stats: Stats): void {
  stats.events = 0;
  stats.numbers = 0;
  stats.sum = 0;
  stats.min = Number.POSITIVE_INFINITY;
  stats.max = Number.NEGATIVE_INFINITY;
}

/** Counts one event; `value` joins the numeric stats only when it is a finite number. */
export function addEvent(stats: Stats, value: unknown): void {
  stats.events++;
  if (typeof value !== "number" || !Number.isFinite(value)) return;
  stats.numbers++;
  stats.sum += value;
  if (value < stats.min) stats.min = value;
  if (value > stats.max) stats.max = value;
}

export function mergeInto(into: Stats, from: Stats): void {
  into.events += from.events;
  into.numbers += from.numbers;
  into.sum += from.sum;
  if (from.min < into.min) into.min = from.min;
  if (from.max > into.max) into.max = from.max;
}

/** The aggregate's value; null when it needs numbers and none were seen. */
export function aggregateOf(stats: Stats, aggregate: Aggregate): number | null {
  if (aggregate === "count") return stats.events;
  if (stats.numbers === 0) return null;
  switch (aggregate) {
    case "sum":
      return stats.sum;
    case "avg":
      return stats.sum / stats.numbers;
    case "min":
      return stats.min;
    case "max":
      return stats.max;
  }
}
