import { describe, expect, it } from "vitest";
import { OffsetCommits } from "./offset-commits";

describe("OffsetCommits", () => {
  it("commits only past the prefix of done messages", () => {
    const commits = new OffsetCommits();
    const [a, b, c] = ["10", "11", "12"].map((offset) => commits.track(offset));
    expect(commits.done(b!)).toBeUndefined();
    expect(commits.done(c!)).toBeUndefined();
    expect(commits.outstanding).toBe(3);
    expect(commits.done(a!)).toBe(12n);
    expect(commits.outstanding).toBe(0);
  });

  it("moves one by one when messages finish in order, across compaction", () => {
    const commits = new OffsetCommits();
    let last: bigint | undefined;
    for (let i = 0; i < 5000; i++) last = commits.done(commits.track(String(i)));
    expect(last).toBe(4999n);
    const straggler = commits.track("5000");
    const after = commits.track("5001");
    expect(commits.done(after)).toBeUndefined();
    expect(commits.done(straggler)).toBe(5001n);
  });

  it("takes Kinesis-sized sequence numbers", () => {
    const commits = new OffsetCommits();
    const seq = "49680580515068736530995626792190978652686106093814808594";
    expect(commits.done(commits.track(seq))).toBe(BigInt(seq));
  });
});
