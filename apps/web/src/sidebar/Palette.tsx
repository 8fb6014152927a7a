import { nodeTypesOfKind, type NodeKind, type NodeTypeDefinition } from "@eventloom/schema";
import { useReactFlow } from "@xyflow/react";
import { useCallback, type DragEvent } from "react";
import { GRID } from "../canvas/canvas-types";
import { KindIcon } from "../canvas/nodes/KindIcon";
import { PALETTE_MIME } from "../canvas/palette-dnd";
import { useFlowStore } from "../stores/flow-store";
import { freePosition } from "../stores/graph-ops";

const GROUPS: { kind: NodeKind; label: string }[] = [
  { kind: "producer", label: "Producers" },
  { kind: "channel", label: "Channels" },
  { kind: "consumer", label: "Consumers" },
];

/** The node catalogue, grouped by kind. Drag onto the canvas, or click to add in the middle of the view. */
export function Palette() {
  const canEdit = useFlowStore((s) => s.flowId !== null);
  const { screenToFlowPosition } = useReactFlow();

  const addInView = useCallback(
    (type: string) => {
      const pane = document.querySelector(".canvas")?.getBoundingClientRect();
      const centre = pane ? { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 } : { x: 400, y: 300 };
      const wanted = screenToFlowPosition({ x: centre.x - 120, y: centre.y - 48 }, { snapToGrid: true, snapGrid: GRID });
      useFlowStore.getState().addNode(type, freePosition(useFlowStore.getState().graph.nodes, wanted));
    },
    [screenToFlowPosition],
  );

  return (
    <section className="sidebar-section palette" aria-labelledby="palette-heading">
      <h2 id="palette-heading" className="sidebar-section__title">
        Palette
      </h2>
      {GROUPS.map((group) => (
        <div key={group.kind} className="palette__group">
          <h3 className={`palette__group-title palette__group-title--${group.kind}`}>{group.label}</h3>
          <ul className="palette__list">
            {nodeTypesOfKind(group.kind).map((definition) => (
              <PaletteItem key={definition.type} definition={definition} disabled={!canEdit} onAdd={addInView} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function PaletteItem({ definition, disabled, onAdd }: { definition: NodeTypeDefinition; disabled: boolean; onAdd: (type: string) => void }) {
  const onDragStart = (event: DragEvent) => {
    event.dataTransfer.setData(PALETTE_MIME, definition.type);
    event.dataTransfer.effectAllowed = "copy";
  };
  return (
    <li>
      <button
        type="button"
        className={`palette-item palette-item--${definition.kind}`}
        draggable={!disabled}
        disabled={disabled}
        onDragStart={onDragStart}
        onClick={() => onAdd(definition.type)}
        data-testid={`palette-${definition.type}`}
        title={`${definition.docs}\nDrag onto the canvas, or click to add.`}
      >
        <span className="palette-item__icon">
          <KindIcon kind={definition.kind} />
        </span>
        <span className="palette-item__text">
          <span className="palette-item__title">{definition.title}</span>
          <span className="palette-item__description">{definition.description}</span>
        </span>
      </button>
    </li>
  );
}
