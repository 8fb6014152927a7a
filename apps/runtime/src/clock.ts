import { performance } from "node:perf_hooks";
import type { Clock } from "./engine/contract";

/** The real clock the engine and tracing run on outside tests. */
export const systemClock: Clock = {
  now: () => Date.now(),
  preciseNow: () => performance.timeOrigin + performance.now(),
  hrtimeNs: () => process.hrtime.bigint(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
