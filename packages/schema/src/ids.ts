/** Short random ids for nodes and edges created in the editor (stable once created). */
export function newId(prefix: string): string {
  const random = globalThis.crypto.randomUUID().replace(/-/g, "").slice(0, 10);
  return `${prefix}-${random}`;
}
