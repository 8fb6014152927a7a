/**
 * A chaos run's verdict per binding: accepted ids (answered 2xx) against what reached the sink — missing
 * must be 0, duplicates (extra deliveries of accepted ids) at most 1 % — and, after the outage, how long the
 * binding took to accept again (reconnect, at most 5 s) and to deliver an event accepted after it returned.
 */
import type { IdSink } from "./id-sink";
import type { WebhookClient } from "./webhook-client";

export const MAX_DUPLICATE_RATE = 0.01;
export const MAX_RECONNECT_MS = 5_000;

export interface BindingResult {
  binding: string;
  accepted: number;
  missing: number;
  duplicates: number;
  duplicateRate: number;
  /** Ids at the sink the client never got a 2xx for (requests cut by a kill or timed out): allowed. */
  deliveredUnanswered: number;
  answers: Record<string, number>;
  /** ms from the broker's return to the first 2xx (undefined: no outage phase). */
  reconnectMs: number | undefined;
  /** ms from the broker's return to the sink receiving an event accepted after it. */
  resumeMs: number | undefined;
  missingSample: string[];
  ok: boolean;
}

export function judge(binding: string, client: WebhookClient, sink: IdSink, returnedAt: number | undefined): BindingResult {
  const counts = sink.counts(binding);
  const accepted = new Set(client.accepted);
  const missing = client.accepted.filter((id) => !counts.has(id));
  let duplicates = 0;
  let deliveredUnanswered = 0;
  for (const [id, n] of counts) {
    if (accepted.has(id)) duplicates += n - 1;
    else deliveredUnanswered++;
  }
  const duplicateRate = accepted.size === 0 ? 0 : duplicates / accepted.size;
  const { reconnectMs, resumeMs } = returnedAt === undefined ? { reconnectMs: undefined, resumeMs: undefined } : recovery(client, sink.firstSeen(binding), returnedAt);
  const reconnected = returnedAt === undefined || (reconnectMs !== undefined && reconnectMs <= MAX_RECONNECT_MS);
  return {
    binding,
    accepted: accepted.size,
    missing: missing.length,
    duplicates,
    duplicateRate,
    deliveredUnanswered,
    answers: Object.fromEntries(client.answers),
    reconnectMs,
    resumeMs,
    missingSample: missing.slice(0, 5),
    ok: accepted.size > 0 && missing.length === 0 && duplicateRate <= MAX_DUPLICATE_RATE && reconnected,
  };
}

function recovery(client: WebhookClient, firstSeen: ReadonlyMap<string, number>, returnedAt: number) {
  const index = client.acceptedAt.findIndex((at) => at >= returnedAt);
  if (index < 0) return { reconnectMs: undefined, resumeMs: undefined };
  let resumedAt: number | undefined;
  for (let i = index; i < client.accepted.length; i++) {
    const seen = firstSeen.get(client.accepted[i]!);
    if (seen !== undefined && (resumedAt === undefined || seen < resumedAt)) resumedAt = seen;
  }
  return { reconnectMs: client.acceptedAt[index]! - returnedAt, resumeMs: resumedAt === undefined ? undefined : resumedAt - returnedAt };
}

export function printTable(results: BindingResult[]): void {
  const header = ["binding", "accepted", "missing", "dups", "dup %", "unanswered", "reconnect ms", "resume ms", "answers", "ok"];
  const rows = results.map((r) => [
    r.binding,
    String(r.accepted),
    String(r.missing),
    String(r.duplicates),
    (r.duplicateRate * 100).toFixed(2),
    String(r.deliveredUnanswered),
    r.reconnectMs === undefined ? "-" : String(r.reconnectMs),
    r.resumeMs === undefined ? "-" : String(r.resumeMs),
    Object.entries(r.answers)
      .map(([status, n]) => `${status}:${n}`)
      .join(" "),
    r.ok ? "yes" : "NO",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  for (const row of [header, ...rows]) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join("  "));
  for (const r of results) if (r.missing > 0) console.log(`${r.binding}: missing ids, first ${r.missingSample.length}: ${r.missingSample.join(", ")}`);
}
