import { nodeOutputs, type PortDefinition } from "@eventloom/schema";
import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo, useMemo, type CSSProperties } from "react";
import type { CanvasNode } from "../canvas-types";
import { formatCount, useNodeCounters, useNodeRate } from "./live-selectors";
import { NodeShell } from "./NodeShell";

/**
 * Reacts to events: an input handle, and the output handles the catalogue gives for this config — none for
 * sinks, `out` for most, a router's named outputs (each labelled, spread down the right edge).
 */
function ConsumerNodeView({ id, data, selected }: NodeProps<CanvasNode>) {
  const outputs = useMemo(() => nodeOutputs(data.nodeType, data.config), [data.nodeType, data.config]);
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
          <OutputHandles id={id} outputs={outputs} />
        </>
      }
    >
      <ConsumerLive id={id} />
    </NodeShell>
  );
}

/** Inline so the label needs no stylesheet change: it sits inside the node, left of its handle. */
const LABEL_STYLE: CSSProperties = {
  position: "absolute",
  right: 10,
  top: "50%",
  transform: "translateY(-50%)",
  fontSize: 10,
  lineHeight: 1,
  whiteSpace: "nowrap",
  pointerEvents: "none",
  opacity: 0.75,
};

function OutputHandles({ id, outputs }: { id: string; outputs: PortDefinition[] }) {
  if (outputs.length === 1 && outputs[0]!.id === "out") {
    return <Handle type="source" position={Position.Right} id="out" className="el-handle el-handle--consumer" data-testid={`handle-out-${id}`} />;
  }
  return (
    <>
      {outputs.map((port, i) => {
        const top = `${((i + 1) * 100) / (outputs.length + 1)}%`;
        return (
          <Handle
            key={port.id}
            type="source"
            position={Position.Right}
            id={port.id}
            style={{ top }}
            className="el-handle el-handle--consumer el-handle--named"
            data-testid={port.id === "out" ? `handle-out-${id}` : `handle-out-${id}-${port.id}`}
            title={port.label}
          >
            <span className="el-handle__label" style={LABEL_STYLE}>
              {port.label}
            </span>
          </Handle>
        );
      })}
    </>
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
