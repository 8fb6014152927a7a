/**
 * Which shards may be read now, across reshards. A split closes a shard and opens two children; a merge closes
 * two and opens one. A key's records after the reshard are in a child, so — like the KCL — a child starts only
 * once each of its parents was read to its end and every record of it handled: per-key order holds across the
 * reshard. A parent missing from the listing is past the stream's retention and holds nothing more.
 */
import type { Shard } from "@aws-sdk/client-kinesis";

export function readyShards(listing: readonly Shard[], ended: ReadonlySet<string>, started: ReadonlySet<string>): string[] {
  const listed = new Set(listing.map((shard) => shard.ShardId));
  const done = (parent: string | undefined) => parent === undefined || !listed.has(parent) || ended.has(parent);
  return listing
    .filter((shard) => shard.ShardId !== undefined && !started.has(shard.ShardId) && !ended.has(shard.ShardId))
    .filter((shard) => done(shard.ParentShardId) && done(shard.AdjacentParentShardId))
    .map((shard) => shard.ShardId!);
}
