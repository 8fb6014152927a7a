/**
 * Racing saves through the HTTP API (issue #6): of two saves based on the same rev exactly one wins, the
 * winner's content is what is stored (no lost update), and saves that follow each other never conflict.
 * Runs on the embedded SQLite and on PostgreSQL, with two runtime processes on the one database: the two
 * saves of a pair go to different processes. (Within one process SQLite's synchronous driver runs one
 * request's queries back to back, which would hide a read-then-write race; another process cannot.)
 * Pairs run on several flows at once (bounded parallelism); a pair always races on one flow.
 */
import type { Graph } from "@eventloom/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, postgresAvailable, type TestDatabase } from "./support/database";
import { startTestRuntime } from "./support/runtime";
import { startRuntimeProcess } from "./support/runtime-process";

type Api = Pick<Awaited<ReturnType<typeof startRuntimeProcess>>, "api" | "close">;

const PAIRS = 1000;
const FLOWS = 8;
const SEQUENTIAL_SAVES = 500;

/** A small graph that says who saved it, so the stored content shows which save won. */
function graphOf(marker: string, x: number): Graph {
  return { nodes: [{ id: "poke", kind: "producer", type: "manual", name: marker, position: { x, y: 0 }, config: {} }], edges: [] };
}

interface PairOutcome {
  statuses: number[];
  lostUpdate: boolean;
  wrongCurrentRev: boolean;
}

async function racePair(servers: Api[], flowId: string, rev: number, pair: number): Promise<PairOutcome> {
  const sides = ["A", "B"].map((side) => ({ name: `pair ${pair} ${side}`, graph: graphOf(`${pair}${side}`, pair) }));
  const results = await Promise.all(sides.map((side, index) => servers[index % servers.length]!.api("PUT", `/api/flows/${flowId}`, { rev, ...side })));
  const winner = results.findIndex((result) => result.status === 200);
  const loser = results.find((result) => result.status === 409);
  const stored = (await servers[pair % servers.length]!.api("GET", `/api/flows/${flowId}`)).body;
  const expected = sides[winner];
  return {
    statuses: results.map((result) => result.status).sort(),
    lostUpdate: !expected || stored.rev !== rev + 1 || stored.name !== expected.name || JSON.stringify(stored.graph) !== JSON.stringify(expected.graph),
    wrongCurrentRev: loser?.body.error?.details?.currentRev !== rev + 1,
  };
}

describe.each([
  { provider: "sqlite" as const, enabled: true },
  { provider: "postgresql" as const, enabled: postgresAvailable },
])("racing saves on $provider", ({ provider, enabled }) => {
  let database: TestDatabase | undefined;
  let servers: Api[] = [];

  beforeAll(async () => {
    if (!enabled) return;
    database = await createTestDatabase({ provider });
    servers = await Promise.all([startTestRuntime(database), startRuntimeProcess(database)]);
  }, 120_000);

  afterAll(async () => {
    for (const server of servers) await server.close();
    await database?.dispose();
  });

  it.skipIf(!enabled)(`${PAIRS} pairs of concurrent saves on one rev: exactly one 200 and one 409 each, no lost update`, async () => {
    const api = servers[0]!;
    const outcomes: PairOutcome[] = [];
    // Each flow runs its share of pairs one after the other; the flows run at the same time.
    await Promise.all(
      Array.from({ length: FLOWS }, async (_, lane) => {
        const { body: flow } = await api.api("POST", "/api/flows", { name: `Race lane ${lane}` });
        let rev: number = flow.rev;
        for (let pair = lane; pair < PAIRS; pair += FLOWS) {
          outcomes.push(await racePair(servers, flow.id, rev, pair));
          rev += 1;
        }
      }),
    );
    expect(outcomes).toHaveLength(PAIRS);
    expect(outcomes.filter((o) => o.statuses.join() !== "200,409").length).toBe(0);
    expect(outcomes.filter((o) => o.lostUpdate).length).toBe(0);
    expect(outcomes.filter((o) => o.wrongCurrentRev).length).toBe(0);
  }, 600_000);

  it.skipIf(!enabled)(`${SEQUENTIAL_SAVES} saves one after the other: no false conflict, the last one stored`, async () => {
    const api = servers[0]!;
    const { body: flow } = await api.api("POST", "/api/flows", { name: "Sequential saves" });
    let rev: number = flow.rev;
    let conflicts = 0;
    for (let save = 0; save < SEQUENTIAL_SAVES; save += 1) {
      // Alternating processes: each save is based on what the other process just stored.
      const result = await servers[save % servers.length]!.api("PUT", `/api/flows/${flow.id}`, { rev, graph: graphOf(`save ${save}`, save) });
      if (result.status === 409) conflicts += 1;
      else expect(result.status).toBe(200);
      rev = result.status === 200 ? result.body.rev : rev;
    }
    expect(conflicts).toBe(0);
    const stored = (await api.api("GET", `/api/flows/${flow.id}`)).body;
    expect(stored.rev).toBe(flow.rev + SEQUENTIAL_SAVES);
    expect(stored.graph).toEqual(graphOf(`save ${SEQUENTIAL_SAVES - 1}`, SEQUENTIAL_SAVES - 1));
  }, 300_000);
});
