import { describe, expect, it } from "vitest";
import { createClientIdLeases } from "./client-id-leases";

describe("client id leases", () => {
  it("hands an id to the next holder only once the current one lets go, in the order they asked", async () => {
    const leases = createClientIdLeases();
    const order: string[] = [];
    const first = await leases.acquire("q0");
    const second = leases.acquire("q0").then((release) => (order.push("second"), release));
    const third = leases.acquire("q0").then((release) => (order.push("third"), release));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(order).toEqual([]);
    first();
    (await second)();
    (await third)();
    expect(order).toEqual(["second", "third"]);
  });

  it("keeps different ids apart, and a second release changes nothing", async () => {
    const leases = createClientIdLeases();
    const a = await leases.acquire("a");
    await leases.acquire("b"); // not blocked by "a"
    a();
    a();
    const again = await leases.acquire("a");
    let fourth = false;
    void leases.acquire("a").then(() => (fourth = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fourth).toBe(false);
    again();
  });
});
