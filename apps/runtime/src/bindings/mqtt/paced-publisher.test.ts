import { afterEach, describe, expect, it, vi } from "vitest";
import { PacedPublisher } from "./paced-publisher";

afterEach(() => vi.useRealTimers());

/** A publisher whose sends are recorded and acknowledged at once. */
function setup(ahead = 3, idleMs = 100) {
  const sent: string[] = [];
  let ready = true;
  const paced = new PacedPublisher({
    ahead,
    idleMs,
    ready: () => ready,
    send: async (payload) => void sent.push(payload.toString()),
  });
  return { paced, sent, setReady: (value: boolean) => (ready = value) };
}
const bodies = (...names: string[]) => names.map((name) => Buffer.from(name));

describe("PacedPublisher", () => {
  it("sends everything at once when no subscriber lane is here", async () => {
    const { paced, sent } = setup();
    await paced.publish(bodies("a", "b", "c", "d", "e"));
    expect(sent).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("runs at most `ahead` past its lane, and on as the lane receives — in publish order across calls", async () => {
    const { paced, sent } = setup(2);
    const lane = paced.lane("queue");
    const first = paced.publish(bodies("a", "b", "c"));
    const second = paced.publish(bodies("d", "e"));
    expect(sent).toEqual(["a", "b"]);
    lane.received();
    expect(sent).toEqual(["a", "b", "c"]);
    lane.received();
    lane.received();
    expect(sent).toEqual(["a", "b", "c", "d", "e"]);
    await Promise.all([first, second]);
  });

  it("is paced by the slowest lane", () => {
    const { paced, sent } = setup(1);
    const fast = paced.lane("a");
    const slow = paced.lane("b");
    void paced.publish(bodies("1", "2", "3"));
    fast.received();
    expect(sent).toEqual(["1"]);
    slow.received();
    expect(sent).toEqual(["1", "2"]);
  });

  it("gives no credit for what a lane receives beyond what was sent (an earlier session's backlog)", () => {
    const { paced, sent } = setup(1);
    const lane = paced.lane("queue");
    for (let i = 0; i < 5; i++) lane.received();
    void paced.publish(bodies("1", "2"));
    expect(sent).toEqual(["1"]);
  });

  it("catches up a lane that holds nothing and received nothing for idleMs, not one that holds messages", () => {
    vi.useFakeTimers();
    const { paced, sent } = setup(1, 100);
    const busy = paced.lane("busy");
    paced.lane("idle"); // never receives anything
    void paced.publish(bodies("1", "2", "3"));
    busy.received(); // held, not acked
    vi.advanceTimersByTime(150);
    expect(sent).toEqual(["1", "2"]); // "idle" was caught up; "busy" had received "1"
    vi.advanceTimersByTime(500);
    expect(sent).toEqual(["1", "2"]); // "busy" holds "1" unacked: back-pressure, not a lost message
    busy.acked();
    vi.advanceTimersByTime(500);
    expect(sent).toEqual(["1", "2", "3"]);
  });

  it("waits while not ready, and a closed lane stops pacing", () => {
    const { paced, sent, setReady } = setup(1);
    const lane = paced.lane("queue");
    setReady(false);
    void paced.publish(bodies("1", "2"));
    expect(sent).toEqual([]);
    setReady(true);
    paced.pump();
    expect(sent).toEqual(["1"]);
    lane.close();
    expect(sent).toEqual(["1", "2"]);
  });

  it("rejects what it has not sent when it fails", async () => {
    const { paced, sent } = setup(1);
    paced.lane("queue");
    const publishing = paced.publish(bodies("1", "2"));
    paced.fail(new Error("connection lost"));
    await expect(publishing).rejects.toThrow("connection lost");
    expect(sent).toEqual(["1"]);
  });
});
