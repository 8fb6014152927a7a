import { getNodeType } from "@eventloom/schema";
import { useMemo } from "react";
import { TypeIcon } from "../../canvas/nodes/TypeIcon";
import { useFlowStore } from "../../stores/flow-store";
import { configFields, visibleFields, type ConfigField } from "./config-fields";
import { fieldProblems, nodeLevelProblems } from "./field-problems";
import { FieldControl } from "./FieldControl";

/** The selected node's settings, generated from its type's config schema. Edits apply to the canvas at once. */
export function ConfigPanel() {
  const nodeId = useFlowStore((s) => (s.selection.nodeIds.length === 1 ? s.selection.nodeIds[0] : undefined));
  if (!nodeId) return null;
  return <NodeConfig key={nodeId} nodeId={nodeId} />;
}

function NodeConfig({ nodeId }: { nodeId: string }) {
  const index = useFlowStore((s) => s.graph.nodes.findIndex((n) => n.id === nodeId));
  const node = useFlowStore((s) => s.graph.nodes[index]);
  const problems = useFlowStore((s) => s.validation.problems);
  const type = node?.type;
  const fields = useMemo(() => (type ? configFields(type) : []), [type]);
  const readOnly = useFlowStore((s) => s.readOnly);
  if (!node) return null;
  const definition = getNodeType(node.type);
  const general = nodeLevelProblems(problems, nodeId);
  const { setConfigField, renameNode } = useFlowStore.getState();
  // Fields for the chosen options only (a transform's language); a hidden field with a problem still shows.
  const shown = visibleFields(fields, node.config).map((f) => f.key);
  const applies = (field: ConfigField) => shown.includes(field.key) || fieldProblems(problems, index, field.key).length > 0;

  return (
    <aside className={`config-panel config-panel--${node.kind}`} aria-labelledby="config-heading" data-testid="config-panel">
      <header className="config-panel__head">
        <span className="config-panel__icon">
          <TypeIcon kind={node.kind} nodeType={node.type} size={16} />
        </span>
        <div>
          <h2 id="config-heading" className="config-panel__title">
            {definition?.title ?? node.type}
          </h2>
          <p className="config-panel__kind">{node.kind}</p>
        </div>
        <button type="button" className="icon-btn config-panel__close" aria-label="Close settings" onClick={() => useFlowStore.getState().setSelection({ nodeIds: [], edgeIds: [] })}>
          ×
        </button>
      </header>
      {definition && <p className="config-panel__docs">{definition.docs}</p>}
      {general.length > 0 && (
        <ul className="config-panel__problems" aria-label="Problems with this node">
          {general.map((p, i) => (
            <li key={i} className={`problem-line problem-line--${p.severity}`}>
              {p.message}
            </li>
          ))}
        </ul>
      )}
      {/* Leaving a field ends its undo step: typing in it again later is a new step. */}
      <form className="config-form" onSubmit={(e) => e.preventDefault()} onBlur={() => useFlowStore.getState().sealHistory()}>
        {/* A viewer reads the configuration; a disabled fieldset makes every control read-only at once. */}
        <fieldset className="config-form__fields" disabled={readOnly}>
          <div className="field">
            <label className="field__label" htmlFor={`cfg-${nodeId}-name`}>
              Name
            </label>
            <input id={`cfg-${nodeId}-name`} className="input" type="text" maxLength={80} value={node.name} onChange={(e) => renameNode(nodeId, e.target.value)} />
          </div>
          {fields.filter(applies).map((field) => (
            <FieldControl
              key={field.key}
              id={`cfg-${nodeId}-${field.key}`}
              field={field}
              value={node.config[field.key] ?? field.defaultValue}
              problems={fieldProblems(problems, index, field.key)}
              onChange={(value) => setConfigField(nodeId, field.key, value)}
            />
          ))}
        </fieldset>
        <p className="config-panel__id">
          id <code>{nodeId}</code>
        </p>
      </form>
    </aside>
  );
}
