import { validateGraph, type Graph, type Problem } from "@eventloom/schema";

/** What a node or edge shows for its problems: the worst severity and every message (for the tooltip). */
export interface ProblemMark {
  severity: Problem["severity"];
  messages: string;
}

export interface Validation {
  problems: Problem[];
  nodes: Record<string, ProblemMark>;
  edges: Record<string, ProblemMark>;
}

export const EMPTY_VALIDATION: Validation = { problems: [], nodes: {}, edges: {} };

/** Runs validateGraph and indexes the problems by node and edge id, so each canvas element looks up only its own. */
export function validate(graph: Graph): Validation {
  const problems = validateGraph(graph);
  const nodes: Record<string, ProblemMark> = {};
  const edges: Record<string, ProblemMark> = {};
  for (const problem of problems) {
    if (problem.nodeId) mark(nodes, problem.nodeId, problem);
    if (problem.edgeId) mark(edges, problem.edgeId, problem);
  }
  return { problems, nodes, edges };
}

function mark(index: Record<string, ProblemMark>, id: string, problem: Problem): void {
  const existing = index[id];
  if (!existing) {
    index[id] = { severity: problem.severity, messages: problem.message };
    return;
  }
  existing.messages += `\n${problem.message}`;
  if (problem.severity === "error") existing.severity = "error";
}
