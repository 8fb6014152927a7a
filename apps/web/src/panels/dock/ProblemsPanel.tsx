import type { Problem } from "@eventloom/schema";
import { useReactFlow } from "@xyflow/react";
import { useFlowStore } from "../../stores/flow-store";
import { useUiStore } from "../../stores/ui-store";

/** Every validation problem; clicking one selects what it is about and pans the canvas to it. */
export function ProblemsPanel() {
  const problems = useFlowStore((s) => s.validation.problems);
  const refusal = useUiStore((s) => s.deployRefusal);
  const reveal = useReveal();

  return (
    <div className="problems">
      {refusal && (
        <div className="problems__refusal" role="alert" data-testid="deploy-refused">
          <strong>{refusal.message}</strong>
          {refusal.serverProblems.length > 0 && <ProblemList problems={refusal.serverProblems} onReveal={reveal} testId="server-problem-row" />}
        </div>
      )}
      {problems.length === 0 ? (
        <p className="dock__empty">No problems: this flow can be deployed.</p>
      ) : (
        <ProblemList problems={problems} onReveal={reveal} testId="problem-row" />
      )}
    </div>
  );
}

function ProblemList({ problems, onReveal, testId }: { problems: readonly Problem[]; onReveal(p: Problem): void; testId: string }) {
  return (
    <ul className="problems__list" data-testid="problems-list">
      {problems.map((problem, i) => (
        <li key={`${problem.code}-${i}`}>
          <button
            type="button"
            className={`problem-line problem-line--${problem.severity}`}
            onClick={() => onReveal(problem)}
            data-testid={testId}
            data-node-id={problem.nodeId}
            data-edge-id={problem.edgeId}
          >
            <span className={`severity severity--${problem.severity}`}>{problem.severity}</span>
            <span className="problem-line__message">{problem.message}</span>
            <code className="problem-line__code">{problem.code}</code>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Selects the problem's node or edge and brings it into view. */
function useReveal(): (problem: Problem) => void {
  const { fitView } = useReactFlow();
  return (problem) => {
    const store = useFlowStore.getState();
    const edge = problem.edgeId ? store.graph.edges.find((e) => e.id === problem.edgeId) : undefined;
    if (problem.nodeId && store.graph.nodes.some((n) => n.id === problem.nodeId)) {
      store.setSelection({ nodeIds: [problem.nodeId], edgeIds: [] });
      void fitView({ nodes: [{ id: problem.nodeId }], duration: 300, maxZoom: 1.2, padding: 0.6 });
    } else if (edge) {
      store.setSelection({ nodeIds: [], edgeIds: [edge.id] });
      void fitView({ nodes: [{ id: edge.source }, { id: edge.target }], duration: 300, maxZoom: 1.2, padding: 0.4 });
    }
  };
}
