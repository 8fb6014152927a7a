/**
 * `--cpu-profile <prefix>` for the benches: a V8 CPU profile of this process over the measured window,
 * written as `<prefix>-<case>.cpuprofile` (open it in Chrome DevTools, or summarise it with
 * `node bench/profile-top.mjs <file>`). In-process through the inspector, so it works under tsx, where
 * `node --cpu-prof` writes nothing.
 */
import { writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";

export interface CpuProfile {
  stop(file: string): Promise<void>;
}

export async function startCpuProfile(): Promise<CpuProfile> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 200 });
  await session.post("Profiler.start");
  return {
    async stop(file) {
      const { profile } = await session.post("Profiler.stop");
      session.disconnect();
      await writeFile(file, JSON.stringify(profile));
      console.error(`CPU profile written to ${file}`);
    },
  };
}
