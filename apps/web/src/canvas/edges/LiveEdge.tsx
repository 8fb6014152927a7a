import { BaseEdge, getBezierPath, type EdgeProps } from "@xyflow/react";
import { memo, type CSSProperties } from "react";
import { useFlowStore } from "../../stores/flow-store";
import { useDiffEdgeMark } from "../../panels/versions/version-view-store";
import { useOnPathEdge } from "../../stores/trace-path-store";
import { useTraceStore } from "../../stores/trace-store";
import { dashSecondsFor, dashSteps, rateLevel, roundRate, strokeWidthFor } from "./edge-rate";

/**
 * A wire that shows its traffic while the flow runs: thicker and faster dashes per decade of events/s
 * (`edgeRates` of the latest frame), and lit when the event opened in the trace panel went along it.
 */
function LiveEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, style, interactionWidth }: EdgeProps) {
  const running = useFlowStore((s) => s.deployment?.status === "running");
  // Rounded in the selector: the edge re-renders when the shown rate changes, not on every frame.
  const rate = useTraceStore((s) => (running ? roundRate(s.frame?.edgeRates?.[id] ?? 0) : 0));
  const onPath = useOnPathEdge(id);
  const diff = useDiffEdgeMark(id);
  const [path] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  const level = rateLevel(rate);
  const seconds = dashSecondsFor(level);
  const live: CSSProperties = running
    ? {
        strokeWidth: strokeWidthFor(level),
        strokeDasharray: seconds ? "6 4" : undefined,
        // Stepped at about 15 changes a second rather than every display frame: the dashes still move at the
        // same speed, and the canvas is repainted a quarter as often (paint was the cost of a busy flow).
        animation: seconds ? `dashdraw ${seconds}s steps(${dashSteps(seconds)}) infinite` : "none",
      }
    : {};
  return (
    <BaseEdge
      id={id}
      path={path}
      markerEnd={markerEnd}
      interactionWidth={interactionWidth}
      style={{ ...style, ...live }}
      className={`el-edge${onPath ? " is-on-path" : ""}${seconds ? " is-flowing" : ""}${diff ? ` diff-${diff}` : ""}`}
      data-testid={`edge-${id}`}
      data-rate={rate}
      data-rate-level={level}
      data-on-path={onPath || undefined}
      data-diff={diff}
    >
      {running && <title>{`${rate.toLocaleString("en-US")} events/s`}</title>}
    </BaseEdge>
  );
}

export const LiveEdge = memo(LiveEdgeView);
