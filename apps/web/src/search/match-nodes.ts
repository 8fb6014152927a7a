import { getNodeType, type FlowNode } from "@eventloom/schema";

/**
 * Ids of the nodes matching a query, in reading order (left to right, then top to bottom) so cycling with
 * Enter walks the flow the way it reads. Every word must match the node's name, type, kind, the type's title
 * or its config text (case-insensitive), so "filter orders" narrows rather than widens.
 */
export function matchNodes(nodes: readonly FlowNode[], query: string): string[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return nodes
    .filter((node) => {
      const text = searchableText(node);
      return words.every((word) => text.includes(word));
    })
    .sort((a, b) => a.position.x - b.position.x || a.position.y - b.position.y)
    .map((node) => node.id);
}

function searchableText(node: FlowNode): string {
  const title = getNodeType(node.type)?.title ?? "";
  return [node.name, node.type, node.kind, title, configText(node.config)].join("\n").toLowerCase();
}

/** Config values as text (keys too, so "capacity" finds channels by their settings). */
function configText(config: Record<string, unknown>): string {
  try {
    return JSON.stringify(config);
  } catch {
    // A config that cannot be serialised (never from the API) is simply not searchable.
    return "";
  }
}
