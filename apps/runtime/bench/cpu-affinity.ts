/**
 * CPU pinning for `pnpm bench trace`: on a machine with two or more cores, the runtime (this process, all its
 * threads) gets core 0 to itself and the watchers — Node client processes, headless Chromium — share the
 * others. Browsers do not run on the server: unpinned, on two cores, ten watchers take CPU from the runtime and
 * its "loss" would measure the machine, not the runtime's trace work. `--no-pin` turns it off.
 */
import { spawnSync } from "node:child_process";
import os from "node:os";

export interface CpuAffinity {
  /** Cores the watcher processes run on, as taskset's list ("1" or "1-7"); undefined when nothing is pinned. */
  readonly watcherCores: string | undefined;
  describe(): string;
  /** Pins a process (all of its threads) to the watcher cores. */
  pinWatcher(pid: number | undefined): void;
  /** The command line to start a watcher program pinned from its first instruction. */
  watcherCommand(executable: string, args: string[]): [string, string[]];
}

function taskset(args: string[]): boolean {
  const result = spawnSync("taskset", args, { stdio: "ignore" });
  return !result.error && result.status === 0;
}

export function pinCpus(enabled: boolean): CpuAffinity {
  const cores = os.cpus().length;
  const pinned = enabled && cores >= 2 && taskset(["-a", "-p", "-c", "0", String(process.pid)]);
  const watcherCores = pinned ? (cores === 2 ? "1" : `1-${cores - 1}`) : undefined;
  return {
    watcherCores,
    describe: () => (watcherCores ? `runtime pinned to core 0, watchers to core ${watcherCores}` : "not pinned"),
    pinWatcher: (pid) => {
      if (watcherCores && pid !== undefined) taskset(["-a", "-p", "-c", watcherCores, String(pid)]);
    },
    watcherCommand: (executable, args) => (watcherCores ? ["taskset", ["-c", watcherCores, executable, ...args]] : [executable, args]),
  };
}
