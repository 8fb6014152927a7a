import { nodeCatalogue, type NodeKind } from "@eventloom/schema";
import { useReactFlow } from "@xyflow/react";
import { useCallback, useId, useMemo, useState, type KeyboardEvent } from "react";
import { GRID } from "../canvas/canvas-types";
import { filterNodeTypes } from "../editing/node-type-search";
import { useFlowStore } from "../stores/flow-store";
import { freePosition } from "../stores/graph-ops";
import { PaletteItem } from "./PaletteItem";

const GROUPS: { kind: NodeKind; label: string }[] = [
  { kind: "producer", label: "Producers" },
  { kind: "channel", label: "Channels" },
  { kind: "consumer", label: "Consumers" },
];

const CATALOGUE = Object.values(nodeCatalogue);

/**
 * The node catalogue, grouped by kind, with a search box (the quick-add's fuzzy matcher: title, type, kind,
 * description; best matches first). Drag an entry onto the canvas, or click to add in the middle of the view.
 */
export function Palette() {
  const canEdit = useFlowStore((s) => s.flowId !== null);
  const { screenToFlowPosition } = useReactFlow();
  const searchId = useId();
  const [query, setQuery] = useState("");
  const matches = useMemo(() => filterNodeTypes(CATALOGUE, query), [query]);
  const groups = GROUPS.map((group) => ({ ...group, entries: matches.filter((d) => d.kind === group.kind) })).filter((g) => g.entries.length > 0);

  const addInView = useCallback(
    (type: string) => {
      const pane = document.querySelector(".canvas")?.getBoundingClientRect();
      const centre = pane ? { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 } : { x: 400, y: 300 };
      const wanted = screenToFlowPosition({ x: centre.x - 120, y: centre.y - 48 }, { snapToGrid: true, snapGrid: GRID });
      useFlowStore.getState().addNode(type, freePosition(useFlowStore.getState().graph.nodes, wanted));
    },
    [screenToFlowPosition],
  );

  const onKeyDown = (event: KeyboardEvent) => {
    // Escape clears a query; with none it is left to the editor (select none).
    if (event.key !== "Escape" || query === "") return;
    event.preventDefault();
    event.stopPropagation();
    setQuery("");
  };

  return (
    <section className="sidebar-section palette" aria-labelledby="palette-heading">
      <h2 id="palette-heading" className="sidebar-section__title">
        Palette
      </h2>
      <label className="visually-hidden" htmlFor={searchId}>
        Search node types
      </label>
      <input
        id={searchId}
        className="input palette__search"
        type="search"
        placeholder="Search node types…"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
        data-testid="palette-search"
      />
      {groups.map((group) => (
        <div key={group.kind} className="palette__group">
          <h3 className={`palette__group-title palette__group-title--${group.kind}`}>{group.label}</h3>
          <ul className="palette__list">
            {group.entries.map((definition) => (
              <PaletteItem key={definition.type} definition={definition} disabled={!canEdit} onAdd={addInView} />
            ))}
          </ul>
        </div>
      ))}
      {groups.length === 0 && (
        <p className="palette__empty" role="status" data-testid="palette-empty">
          No node type matches “{query.trim()}”.
        </p>
      )}
    </section>
  );
}
