import type { Shard } from "@aws-sdk/client-kinesis";
import { describe, expect, it } from "vitest";
import { readyShards } from "./shard-lineage";

const shard = (id: string, parent?: string, adjacent?: string): Shard => ({ ShardId: id, ParentShardId: parent, AdjacentParentShardId: adjacent, HashKeyRange: undefined, SequenceNumberRange: undefined });
const none = new Set<string>();

describe("readyShards", () => {
  it("starts every shard of a stream that was never resharded", () => {
    expect(readyShards([shard("a"), shard("b")], none, none)).toEqual(["a", "b"]);
  });

  it("starts a split's children only once the parent ended", () => {
    const listing = [shard("p"), shard("c1", "p"), shard("c2", "p")];
    expect(readyShards(listing, none, none)).toEqual(["p"]);
    expect(readyShards(listing, none, new Set(["p"]))).toEqual([]);
    expect(readyShards(listing, new Set(["p"]), new Set(["p"]))).toEqual(["c1", "c2"]);
  });

  it("starts a merge's child only once both parents ended", () => {
    const listing = [shard("a"), shard("b"), shard("m", "a", "b")];
    expect(readyShards(listing, new Set(["a"]), new Set(["a", "b"]))).toEqual([]);
    expect(readyShards(listing, new Set(["a", "b"]), new Set(["a", "b"]))).toEqual(["m"]);
  });

  it("treats a parent gone from the listing (past retention) as ended", () => {
    expect(readyShards([shard("c1", "gone"), shard("c2", "gone")], none, none)).toEqual(["c1", "c2"]);
  });

  it("does not start a shard again that is running or ended", () => {
    expect(readyShards([shard("a"), shard("b")], new Set(["a"]), new Set(["b"]))).toEqual([]);
  });
});
