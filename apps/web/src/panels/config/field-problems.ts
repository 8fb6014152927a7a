import type { Problem } from "@eventloom/schema";

/** Problems for one config field of the node at `index`: paths look like ["nodes", i, "config", field, …]. */
export function fieldProblems(problems: readonly Problem[], index: number, field: string): Problem[] {
  return problems.filter((p) => p.path[0] === "nodes" && p.path[1] === index && p.path[2] === "config" && p.path[3] === field);
}

/** Problems of the node that no single field explains (missing wires, unknown type …). */
export function nodeLevelProblems(problems: readonly Problem[], nodeId: string): Problem[] {
  return problems.filter((p) => p.nodeId === nodeId && p.path[2] !== "config");
}

/** Drops the `Consumer "Name": config.rate: ` prefix: inside the field, the field is obvious. */
export function shortMessage(problem: Problem): string {
  const withoutNode = problem.message.replace(/^[A-Z][a-z]+ "[^"]*": /, "");
  return withoutNode.replace(/^(nodes\[\d+\]\.)?config\.[\w.[\]]+: /, "");
}
