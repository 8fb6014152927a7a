// Shared test setup. Component tests opt into jsdom per file; nothing global is needed yet beyond cleanup.
import { afterEach } from "vitest";

afterEach(async () => {
  if (typeof document !== "undefined") {
    const { cleanup } = await import("@testing-library/react");
    cleanup();
  }
});
