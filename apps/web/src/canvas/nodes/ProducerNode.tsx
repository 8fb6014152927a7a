import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { injectEvent } from "../../stores/flow-actions";
import { useFlowStore } from "../../stores/flow-store";
import type { CanvasNode } from "../canvas-types";
import { formatCount, useIsRunning, useNodeCounters, useNodeRate } from "./live-selectors";
import { NodeShell } from "./NodeShell";

/** A source of events: output handle only. Live: emitted count and rate; manual producers get Inject. */
function ProducerNodeView({ id, data, selected }: NodeProps<CanvasNode>) {
  return (
    <NodeShell
      id={id}
      kind="producer"
      nodeType={data.nodeType}
      name={data.name}
      facts={data.facts}
      selected={selected}
      handles={<Handle type="source" position={Position.Right} id="out" className="el-handle el-handle--producer" data-testid={`handle-out-${id}`} />}
    >
      <ProducerLive id={id} manual={data.nodeType === "manual"} />
    </NodeShell>
  );
}

function ProducerLive({ id, manual }: { id: string; manual: boolean }) {
  const counters = useNodeCounters(id);
  const rate = useNodeRate(id);
  const running = useIsRunning();
  const readOnly = useFlowStore((s) => s.readOnly);
  if (!counters && !(manual && running)) return null;
  return (
    <div className="el-node__live">
      {counters && (
        <span className="el-stat">
          <strong data-testid={`node-counter-${id}`} data-value={counters.emitted}>
            {formatCount(counters.emitted)}
          </strong>{" "}
          emitted · {formatCount(rate)} ev/s
        </span>
      )}
      {manual && running && !readOnly && (
        <button type="button" className="el-node__inject nodrag" data-testid={`inject-${id}`} onClick={() => void injectEvent(id)}>
          Inject
        </button>
      )}
    </div>
  );
}

export const ProducerNode = memo(ProducerNodeView);
