/**
 * Exact per-node counters. Each node owns one mutable NodeCounters object that the hot path increments in
 * place; readers get copies, so a snapshot never changes under them.
 */
import { emptyCounters, type NodeCounters } from "@eventloom/schema";

export class CounterBook {
  private readonly byNode = new Map<string, NodeCounters>();

  /** The live counters of a node, created on first use. */
  of(nodeId: string): NodeCounters {
    let counters = this.byNode.get(nodeId);
    if (!counters) {
      counters = emptyCounters();
      this.byNode.set(nodeId, counters);
    }
    return counters;
  }

  /** Forgets a node (removed by a redeploy). */
  remove(nodeId: string): void {
    this.byNode.delete(nodeId);
  }

  /** A copy of every node's counters. */
  snapshot(): Record<string, NodeCounters> {
    const out: Record<string, NodeCounters> = {};
    for (const [nodeId, c] of this.byNode) {
      out[nodeId] = { ...c };
    }
    return out;
  }

  /** Events consumers finished (done or failed) so far: what a drain has made progress on. */
  settled(): number {
    let total = 0;
    for (const c of this.byNode.values()) total += c.done + c.failed;
    return total;
  }
}
