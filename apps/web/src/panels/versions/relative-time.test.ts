import { describe, expect, it } from "vitest";
import { relativeTime } from "./relative-time";

describe("relativeTime", () => {
  const now = Date.parse("2026-11-26T12:00:00Z");
  it("says just now, minutes, hours and days", () => {
    expect(relativeTime("2026-11-26T11:59:40Z", now)).toBe("just now");
    expect(relativeTime("2026-11-26T11:57:00Z", now)).toBe("3 min. ago");
    expect(relativeTime("2026-11-26T09:00:00Z", now)).toBe("3 hr. ago");
    expect(relativeTime("2026-11-24T12:00:00Z", now)).toBe("2 days ago");
  });
});
