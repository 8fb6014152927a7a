/**
 * The machine's practical limit for the chain's work: the same three hops (channel → consumer → channel →
 * sink, as producer → consumer → sink calls) as plain async functions, each writing a per-hop record into a
 * preallocated ring — no engine, no scheduling, no counters. Events are the same CloudEvent-shaped objects.
 */
const RING = 8_192;
const hops = new Uint8Array(RING);
const times = new Float64Array(RING);
const nodes = new Uint32Array(RING);
const refs: unknown[] = new Array<unknown>(RING).fill(undefined);
let cursor = 0;

function record(hop: number, node: number, event: unknown): void {
  const slot = cursor++ & (RING - 1);
  hops[slot] = hop;
  times[slot] = Date.now();
  nodes[slot] = node;
  refs[slot] = event;
}

const CUSTOMERS = ["alice", "bob", "carol"];
let sunk = 0;

async function sink(event: unknown): Promise<void> {
  record(2, 2, event);
  sunk++;
}

async function consumer(event: unknown): Promise<void> {
  record(1, 1, event);
  await sink(event);
}

async function channel(event: unknown): Promise<void> {
  record(0, 0, event);
  await consumer(event);
}

/** Runs `count` events through the three hops; returns events per second (wall and CPU time). */
export async function runCeiling(count: number): Promise<{ eps: number; cpuEps: number }> {
  sunk = 0;
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const time = new Date().toISOString();
  for (let seq = 1; seq <= count; seq++) {
    const event = {
      specversion: "1.0",
      id: `evt-${seq}`,
      source: "eventloom/bench/gen",
      type: "order.created",
      time,
      datacontenttype: "application/json",
      data: { seq, customer: CUSTOMERS[seq % 3], total: 100 + (seq % 900), note: "abcdefgh" },
      traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
    };
    await channel(event);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  if (sunk !== count) throw new Error(`ceiling lost events: ${sunk} of ${count}`);
  return { eps: count / seconds, cpuEps: count / ((used.user + used.system) / 1e6) };
}
