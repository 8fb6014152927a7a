import type { NodeTypeDefinition } from "@eventloom/schema";
import type { DragEvent } from "react";
import { TypeIcon } from "../canvas/nodes/TypeIcon";
import { PALETTE_MIME } from "../canvas/palette-dnd";

export interface PaletteItemProps {
  definition: NodeTypeDefinition;
  disabled: boolean;
  onAdd(type: string): void;
}

/** One node type: drag onto the canvas, or click to add in the middle of the view. */
export function PaletteItem({ definition, disabled, onAdd }: PaletteItemProps) {
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
          {/* The same glyph the node shows on the canvas and in its settings header. */}
          <TypeIcon kind={definition.kind} nodeType={definition.type} />
        </span>
        <span className="palette-item__text">
          <span className="palette-item__title">{definition.title}</span>
          <span className="palette-item__description">{definition.description}</span>
        </span>
      </button>
    </li>
  );
}
