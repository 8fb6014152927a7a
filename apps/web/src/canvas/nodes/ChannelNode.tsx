import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import type { CanvasNode } from "../canvas-types";
import { formatCount, useChannelState, useNodeCounters } from "./live-selectors";
import { NodeShell } from "./NodeShell";

/** A queue or topic drawn as a pipe, with a fill bar for depth/capacity once the flow runs. */
function ChannelNodeView({ id, data, selected }: NodeProps<CanvasNode>) {
  return (
    <NodeShell
      id={id}
      kind="channel"
      nodeType={data.nodeType}
      name={data.name}
      facts={data.facts}
      selected={selected}
      handles={
        <>
          <Handle type="target" position={Position.Left} id="in" className="el-handle el-handle--channel" data-testid={`handle-in-${id}`} />
          <Handle type="source" position={Position.Right} id="out" className="el-handle el-handle--channel" data-testid={`handle-out-${id}`} />
        </>
      }
    >
      <ChannelLive id={id} />
    </NodeShell>
  );
}

/** Fill turns amber above 70 % and red above 90 %: the point where back-pressure or drops are near. */
export function fillLevel(ratio: number): "ok" | "warn" | "full" {
  if (ratio > 0.9) return "full";
  if (ratio > 0.7) return "warn";
  return "ok";
}

function ChannelLive({ id }: { id: string }) {
  const state = useChannelState(id);
  const counters = useNodeCounters(id);
  if (!state && !counters) return null;
  const depth = state?.depth ?? 0;
  const capacity = state?.capacity ?? 0;
  const ratio = capacity > 0 ? Math.min(1, depth / capacity) : 0;
  return (
    <div className="el-node__live el-node__live--channel">
      <div
        className={`el-queue el-queue--${fillLevel(ratio)}`}
        role="meter"
        aria-label="Queue depth"
        aria-valuemin={0}
        aria-valuemax={capacity}
        aria-valuenow={depth}
      >
        <div className="el-queue__fill" style={{ width: `${Math.max(ratio * 100, depth > 0 ? 2 : 0)}%` }} />
      </div>
      <span className="el-stat">
        <strong data-testid={`node-counter-${id}`} data-value={depth}>
          {formatCount(depth)}
        </strong>
        /{formatCount(capacity)} · in {formatCount(counters?.received ?? 0)} · out {formatCount(counters?.emitted ?? 0)}
      </span>
    </div>
  );
}

export const ChannelNode = memo(ChannelNodeView);
