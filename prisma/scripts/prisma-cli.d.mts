export interface PrismaResult {
  code: number;
  stdout: string;
  stderr: string;
}
export interface PrismaRunOptions {
  env?: Record<string, string | undefined>;
  inherit?: boolean;
  cwd?: string;
}
export declare const packageRoot: string;
export declare const engineStandIn: string;
export declare function prismaEnv(extra?: Record<string, string | undefined>): NodeJS.ProcessEnv;
export declare function runPrisma(args: string[], options?: PrismaRunOptions): Promise<PrismaResult>;
export declare function mustPrisma(args: string[], options?: PrismaRunOptions): Promise<PrismaResult>;
