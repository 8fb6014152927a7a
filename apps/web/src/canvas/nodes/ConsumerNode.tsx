import { getNodeType } from "@eventloom/schema";
import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import type { CanvasNode } from "../canvas-types";
import { formatCount, useNodeCounters, useNodeRate } from "./live-selectors";
import { NodeShell } from "./NodeShell";

/** Reacts to events: an input handle, and an output only when the type publishes onward (the catalogue says). */
function ConsumerNodeView({ id, data, selected }: NodeProps<CanvasNode>) {
  const hasOutput = (getNodeType(data.nodeType)?.outputs.length ?? 0) > 0;
  return (
    <NodeShell
      id={id}
      kind="consumer"
      nodeType={data.nodeType}
      name={data.name}
      facts={data.facts}
      selected={selected}
      handles={
        <>
          <Handle type="target" position={Position.Left} id="in" className="el-handle el-handle--consumer" data-testid={`handle-in-${id}`} />
          {hasOutput && (
            <Handle type="source" position={Position.Right} id="out" className="el-handle el-handle--consumer" data-testid={`handle-out-${id}`} />
          )}
        </>
      }
    >
      <ConsumerLive id={id} />
    </NodeShell>
  );
}

function ConsumerLive({ id }: { id: string }) {
  const counters = useNodeCounters(id);
  const rate = useNodeRate(id);
  if (!counters) return null;
  return (
    <div className="el-node__live">
      <span className="el-stat">
        <strong data-testid={`node-counter-${id}`} data-value={counters.received}>
          {formatCount(counters.received)}
        </strong>{" "}
        in · {formatCount(counters.done)} done
        {counters.failed > 0 && <span className="el-stat__failed"> · {formatCount(counters.failed)} failed</span>} · {formatCount(rate)} ev/s
      </span>
    </div>
  );
}

export const ConsumerNode = memo(ConsumerNodeView);
