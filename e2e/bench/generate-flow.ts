import { defaultConfig, type FlowEdge, type FlowNode, type Graph } from "@eventloom/schema";

/** One chain: producer → channel → consumer → channel → consumer, the shape real flows repeat. */
const CHAIN = [
  { kind: "producer", type: "generator" },
  { kind: "channel", type: "memory" },
  { kind: "consumer", type: "filter" },
  { kind: "channel", type: "memory" },
  { kind: "consumer", type: "log" },
] as const;

const COLUMN = 300;
const ROW = 130;
/** Chains side by side per band, so the flow is roughly as wide as it is tall. */
const CHAINS_PER_BAND = 5;

/**
 * A legal-wiring flow of `chains × 5` nodes: each chain wired end to end (4 edges), plus two cross-links per
 * chain into the next chain's channels (producer → channel, consumer → channel): 6 edges per chain.
 * 200 chains → 1,000 nodes and 1,200 edges.
 */
export function generateFlow(chains: number): Graph {
  const nodes: FlowNode[] = [];
  const edges: FlowEdge[] = [];
  const id = (chain: number, step: number) => `n${chain}-${step}`;
  for (let c = 0; c < chains; c++) {
    const band = Math.floor(c / CHAINS_PER_BAND);
    const slot = c % CHAINS_PER_BAND;
    CHAIN.forEach((step, s) => {
      nodes.push({
        id: id(c, s),
        kind: step.kind,
        type: step.type,
        name: `${step.type} ${c}.${s}`,
        position: { x: (slot * CHAIN.length + s) * COLUMN, y: band * ROW },
        config: defaultConfig(step.type),
      });
      if (s > 0) edges.push({ id: `e${c}-${s}`, source: id(c, s - 1), sourcePort: "out", target: id(c, s), targetPort: "in" });
    });
    const next = (c + 1) % chains;
    edges.push({ id: `x${c}-a`, source: id(c, 0), sourcePort: "out", target: id(next, 1), targetPort: "in" });
    edges.push({ id: `x${c}-b`, source: id(c, 2), sourcePort: "out", target: id(next, 3), targetPort: "in" });
  }
  return { nodes, edges };
}
