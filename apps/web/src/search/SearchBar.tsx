import { Panel, useReactFlow } from "@xyflow/react";
import { useCallback, useEffect, useRef, type KeyboardEvent } from "react";
import { useFlowStore } from "../stores/flow-store";
import { matchNodes } from "./match-nodes";
import { useSearchStore } from "./search-store";

/** Find in the flow: type to highlight matches, Enter / ↓ for the next, Shift-Enter / ↑ for the previous, Esc to close. */
export function SearchBar() {
  const open = useSearchStore((s) => s.open);
  if (!open) return null;
  return <OpenSearchBar />;
}

function OpenSearchBar() {
  const query = useSearchStore((s) => s.query);
  const matches = useSearchStore((s) => s.matches);
  const current = useSearchStore((s) => s.current);
  const nodes = useFlowStore((s) => s.graph.nodes);
  const input = useRef<HTMLInputElement>(null);
  const panTo = usePanToNode();

  // Matches follow edits too (a renamed node starts or stops matching).
  useEffect(() => {
    const { query: q, matches: before } = useSearchStore.getState();
    const after = matchNodes(nodes, q);
    if (after.join() !== before.join()) useSearchStore.getState().setResults(q, after);
  }, [nodes]);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const delta = event.key === "ArrowDown" || (event.key === "Enter" && !event.shiftKey) ? 1 : event.key === "ArrowUp" || event.key === "Enter" ? -1 : 0;
    if (delta !== 0) {
      event.preventDefault();
      const id = useSearchStore.getState().step(delta);
      if (id) panTo(id);
    } else if (event.key === "Escape") {
      event.preventDefault();
      useSearchStore.getState().hide();
      document.querySelector<HTMLElement>(".react-flow__pane")?.focus();
    }
  };

  const status = !query.trim() ? "Name, type or config" : matches.length === 0 ? "No matches" : `${current + 1 || "–"} of ${matches.length}`;
  return (
    <Panel position="top-right" className="flow-search" data-testid="flow-search">
      <label className="visually-hidden" htmlFor="flow-search-input">
        Search in this flow
      </label>
      <input
        ref={input}
        id="flow-search-input"
        className="flow-search__input"
        type="search"
        placeholder="Search nodes…"
        value={query}
        onChange={(event) => useSearchStore.getState().setResults(event.target.value, matchNodes(nodes, event.target.value))}
        onKeyDown={onKeyDown}
        aria-describedby="flow-search-status"
        data-testid="flow-search-input"
      />
      <span id="flow-search-status" className="flow-search__status" role="status" data-testid="flow-search-status">
        {status}
      </span>
      <button type="button" className="icon-btn" aria-label="Close search" onClick={() => useSearchStore.getState().hide()}>
        ✕
      </button>
      <SearchHighlights matches={matches} current={matches[current]} />
    </Panel>
  );
}

/** Centres the view on a node, zooming in only when it would be too small to read. */
function usePanToNode() {
  const { getInternalNode, setCenter, getZoom } = useReactFlow();
  return useCallback(
    (id: string) => {
      const node = getInternalNode(id);
      if (!node) return;
      const { x, y } = node.internals.positionAbsolute;
      const width = node.measured.width ?? 0;
      const height = node.measured.height ?? 0;
      void setCenter(x + width / 2, y + height / 2, { zoom: Math.max(getZoom(), 0.9), duration: 250 });
    },
    [getInternalNode, setCenter, getZoom],
  );
}

/**
 * Highlights by stylesheet rather than node props: matching 300 nodes must not re-render 300 node components.
 * Ids are schema ids (letters, digits, '-', '_'), escaped anyway.
 */
function SearchHighlights({ matches, current }: { matches: readonly string[]; current: string | undefined }) {
  if (matches.length === 0) return null;
  const selector = (id: string) => `.react-flow__node[data-id="${CSS.escape(id)}"]`;
  const css = [
    `${matches.map(selector).join(",")}{outline:2px solid var(--search-match);outline-offset:3px;border-radius:10px}`,
    current ? `${selector(current)}{outline:3px solid var(--search-current);outline-offset:3px}` : "",
  ].join("\n");
  return <style data-testid="flow-search-highlights">{css}</style>;
}
