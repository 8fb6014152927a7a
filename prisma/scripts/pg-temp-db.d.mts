import type pg from "pg";

export interface TempDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}
export declare function connectAdmin(env?: NodeJS.ProcessEnv): Promise<{ client: pg.Client; url: string }>;
export declare function createTempDatabase(prefix: string, env?: NodeJS.ProcessEnv): Promise<TempDatabase>;
