// kinesalite ships no types; this is the part of its API the test support uses.
declare module "kinesalite" {
  import type { Server } from "node:http";
  interface KinesaliteOptions {
    createStreamMs?: number;
    deleteStreamMs?: number;
    updateStreamMs?: number;
    shardLimit?: number;
    /** Folder for its LevelDB store; without it the store is in memory. */
    path?: string;
  }
  export default function kinesalite(options?: KinesaliteOptions): Server;
}
