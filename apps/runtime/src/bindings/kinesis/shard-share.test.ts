import { describe, expect, it } from "vitest";
import { fairShare, planShardShare } from "./shard-share";

const shards = (count: number) => Array.from({ length: count }, (_, index) => `shardId-${String(index).padStart(12, "0")}`);

/** Runs processes' plans one after the other (as their ticks interleave) until nothing changes. */
function settle(shardIds: string[], holders: string[][]): string[][] {
  for (let round = 0; round < 10; round++) {
    let changed = false;
    for (const held of holders) {
      const taken = new Set(holders.flat());
      const plan = planShardShare({ shardIds, members: holders.length, held, free: shardIds.filter((id) => !taken.has(id)) });
      for (const id of plan.release) held.splice(held.indexOf(id), 1);
      held.push(...plan.take);
      changed ||= plan.take.length + plan.release.length > 0;
    }
    if (!changed) return holders;
  }
  throw new Error("the plans did not settle");
}

describe("planShardShare", () => {
  it("a single process takes every shard (what runs without cluster mode)", () => {
    expect(planShardShare({ shardIds: shards(4), members: 1, held: [], free: shards(4) })).toEqual({ take: shards(4), release: [] });
  });

  it("takes free shards only up to ceil(shards / members)", () => {
    expect(fairShare(4, 3)).toBe(2);
    expect(fairShare(2, 3)).toBe(1);
    expect(fairShare(3, 0)).toBe(3);
    const [a, b, c] = shards(3);
    expect(planShardShare({ shardIds: shards(3), members: 2, held: [], free: [a!, b!, c!] })).toEqual({ take: [a, b], release: [] });
    expect(planShardShare({ shardIds: shards(3), members: 2, held: [a!], free: [c!] })).toEqual({ take: [c], release: [] });
  });

  it("never tries to take a shard it holds, nor more than is free", () => {
    const [a, b] = shards(2);
    expect(planShardShare({ shardIds: shards(2), members: 1, held: [a!], free: [a!] })).toEqual({ take: [], release: [] });
    expect(planShardShare({ shardIds: shards(2), members: 1, held: [], free: [b!] })).toEqual({ take: [b], release: [] });
  });

  it("over its share (a process joined), hands back its newest leases", () => {
    const [a, b, c, d] = shards(4);
    expect(planShardShare({ shardIds: shards(4), members: 2, held: [a!, b!, c!, d!], free: [] })).toEqual({ take: [], release: [d, c] });
    expect(planShardShare({ shardIds: shards(4), members: 4, held: [b!, a!], free: [] })).toEqual({ take: [], release: [a] });
  });

  it("processes that plan in turn end with every shard held exactly once, no one over its share", () => {
    for (const [count, members] of [[2, 2], [2, 3], [4, 3], [5, 2], [8, 3], [1, 3]] as const) {
      const holders = settle(shards(count), Array.from({ length: members }, () => []));
      expect(holders.flat().sort()).toEqual(shards(count));
      for (const held of holders) expect(held.length).toBeLessThanOrEqual(fairShare(count, members));
    }
  });

  it("a newcomer gets a share from the others; the survivors of a dead process take its shards", () => {
    const ids = shards(4);
    const two = settle(ids, [[], []]);
    expect(two.map((held) => held.length)).toEqual([2, 2]);
    const withNewcomer = settle(ids, [...two, []]);
    expect(withNewcomer.flat().sort()).toEqual(ids);
    const six = settle(shards(6), [[], []]);
    expect(settle(shards(6), [...six, []]).map((held) => held.length)).toEqual([2, 2, 2]);
    // The third process dies: its leases lapse, the members drop to two.
    const survivors = settle(shards(6), [[...six[0]!].slice(0, 2), [...six[1]!].slice(0, 2)]);
    expect(survivors.flat().sort()).toEqual(shards(6));
    expect(survivors.map((held) => held.length)).toEqual([3, 3]);
  });
});
