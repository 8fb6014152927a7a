import type { NodeTypeDefinition } from "@eventloom/schema";
import { fuzzyFilter } from "./fuzzy";

/** What a node type is found by besides its title. Quick-add and the palette share it so both find the same types. */
export function nodeTypeKeywords(definition: NodeTypeDefinition): string {
  return `${definition.type} ${definition.kind} ${definition.description}`;
}

/** The node types matching a query (title, type, kind, description), best first; all of them for an empty query. */
export function filterNodeTypes(definitions: readonly NodeTypeDefinition[], query: string): NodeTypeDefinition[] {
  // Title first, as the Picker composes it: the same text, so the same ranking as quick-add.
  return fuzzyFilter(definitions, query, (d) => `${d.title} ${nodeTypeKeywords(d)}`);
}
