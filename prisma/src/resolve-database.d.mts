export type DbProvider = "sqlite" | "postgresql";

export type ResolvedDatabase =
  | { provider: "postgresql"; url: string }
  | { provider: "sqlite"; url: string; filePath: string; dataDir: string };

export interface ResolveDatabaseOptions {
  /** A postgres(ql):// or file: URL; unset or empty selects the embedded SQLite database. */
  databaseUrl?: string | undefined;
  /** Folder of the embedded SQLite database; default `<repo root>/data`. */
  dataDir?: string | undefined;
}

export declare const SQLITE_FILE_NAME: "eventloom.db";
export declare function defaultDataDir(): string;
export declare function resolveDatabase(options?: ResolveDatabaseOptions): ResolvedDatabase;
export declare function describeDatabase(resolved: ResolvedDatabase): string;
