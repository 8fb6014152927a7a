import { getNodeType, type NodeKind } from "@eventloom/schema";
import type { CSSProperties, ReactNode } from "react";
import { useRemoteSelectionColor } from "../../collab/presence-store";
import { useDiffNodeMark } from "../../panels/versions/version-view-store";
import { useOnPathNode } from "../../stores/trace-path-store";
import { LastErrorMark } from "../live/LastErrorMark";
import { TypeIcon } from "./TypeIcon";
import { useNodeProblem } from "./live-selectors";

export interface NodeShellProps {
  id: string;
  kind: NodeKind;
  nodeType: string;
  name: string;
  facts: readonly string[];
  selected: boolean;
  /** Live numbers and actions, shown under the facts. */
  children?: ReactNode;
  /** Handles; rendered last so they sit on the edges of the shell. */
  handles: ReactNode;
}

/** The frame every node kind shares: header with kind icon and type, name, facts, problem badge. */
export function NodeShell({ id, kind, nodeType, name, facts, selected, children, handles }: NodeShellProps) {
  const problem = useNodeProblem(id);
  // Lit when the event opened in the trace panel went through this node.
  const onPath = useOnPathNode(id);
  // Added / changed / moved / removed while the Versions panel compares two graphs.
  const diff = useDiffNodeMark(id);
  // Selected by someone else with the flow open: outlined in their color.
  const remoteColor = useRemoteSelectionColor(id);
  const title = getNodeType(nodeType)?.title ?? nodeType;
  const classes = [remoteColor ? "is-remote-selected" : "", "el-node", `el-node--${kind}`, selected ? "is-selected" : "", problem ? `has-${problem.severity}` : "", onPath ? "is-on-path" : "", diff ? `diff-${diff}` : ""];
  return (
    <div className={classes.filter(Boolean).join(" ")} data-testid={`node-${id}`} data-kind={kind} data-type={nodeType} data-on-path={onPath || undefined} data-diff={diff} data-remote-selected={remoteColor} style={remoteColor ? ({ "--remote-color": remoteColor } as CSSProperties) : undefined}>
      <div className="el-node__header">
        <span className="el-node__icon">
          <TypeIcon kind={kind} nodeType={nodeType} />
        </span>
        <span className="el-node__type">{title}</span>
        {problem && (
          <span
            className={`el-node__problem el-node__problem--${problem.severity}`}
            data-testid={`node-problem-${id}`}
            role="img"
            aria-label={problem.messages}
            title={problem.messages}
          >
            !
          </span>
        )}
      </div>
      <div className="el-node__name">{name || title}</div>
      {facts.length > 0 && <div className="el-node__facts">{facts.join(" · ")}</div>}
      {children}
      <LastErrorMark id={id} />
      {handles}
    </div>
  );
}
