import { Panel } from "@xyflow/react";
import { formatBinding } from "../commands/keys";
import { useCommandStore } from "../commands/registry";
import { useFlowStore } from "../stores/flow-store";

/** Bars drawn in a 16×16 icon: [x, y, width, height]; the guide line is the last rect. */
const ICONS: Record<string, number[][]> = {
  "arrange.align-left": [[3, 3, 10, 3], [3, 10, 6, 3], [1, 1, 1.5, 14]],
  "arrange.align-center": [[3, 3, 10, 3], [5, 10, 6, 3], [7.25, 1, 1.5, 14]],
  "arrange.align-right": [[3, 3, 10, 3], [7, 10, 6, 3], [13.5, 1, 1.5, 14]],
  "arrange.align-top": [[3, 3, 3, 10], [10, 3, 3, 6], [1, 1, 14, 1.5]],
  "arrange.align-middle": [[3, 3, 3, 10], [10, 5, 3, 6], [1, 7.25, 14, 1.5]],
  "arrange.align-bottom": [[3, 3, 3, 10], [10, 7, 3, 6], [1, 13.5, 14, 1.5]],
  "arrange.distribute-horizontal": [[1, 4, 3, 8], [6.5, 4, 3, 8], [12, 4, 3, 8]],
  "arrange.distribute-vertical": [[4, 1, 8, 3], [4, 6.5, 8, 3], [4, 12, 8, 3]],
};

/**
 * Shown while two or more nodes are selected: align and distribute as buttons. Each button runs the
 * registry's command and takes its title and shortcut from there, so buttons, keys and palette agree.
 */
export function SelectionBar() {
  const count = useFlowStore((s) => s.selection.nodeIds.length);
  const commands = useCommandStore((s) => s.commands);
  if (count < 2) return null;
  const shown = commands.filter((c) => c.id in ICONS);
  return (
    <Panel position="top-center" className="canvas-toolbar selection-bar" role="toolbar" aria-label={`Arrange ${count} selected nodes`} data-testid="selection-bar">
      {shown.map((c) => {
        const title = c.keys?.[0] ? `${c.title} (${formatBinding(c.keys[0])})` : c.title;
        const disabled = c.id.startsWith("arrange.distribute") && count < 3;
        return (
          <button key={c.id} type="button" className="tool-btn" aria-label={c.title} title={title} disabled={disabled} onClick={() => useCommandStore.getState().run(c.id)} data-testid={`selection-${c.id}`}>
            <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
              {(ICONS[c.id] ?? []).map(([x, y, w, h], i, all) => (
                <rect key={i} x={x} y={y} width={w} height={h} rx={0.5} fill="currentColor" opacity={i === all.length - 1 && !c.id.includes("distribute") ? 1 : 0.55} />
              ))}
            </svg>
          </button>
        );
      })}
    </Panel>
  );
}
