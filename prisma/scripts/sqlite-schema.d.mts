export declare const canonicalSchemaPath: string;
export declare const sqliteSchemaPath: string;
export declare function sqliteSchemaFrom(canonical: string): string;
