import { useEffect, useRef } from "react";
import "./trace-here.css";

/** Where the menu was opened, and on what (`node:<id>` or `edge:<id>`). */
export interface TraceHereTarget {
  where: string;
  label: string;
  x: number;
  y: number;
}

/** A one-item context menu at the pointer; Escape, a click elsewhere or a scroll close it. */
export function TraceHereMenu({ target, onTrace, onClose }: { target: TraceHereTarget; onTrace: () => void; onClose: () => void }) {
  const item = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    item.current?.focus();
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && onClose();
    const onPointer = (event: PointerEvent) => {
      if (!(event.target instanceof Node) || !item.current?.parentElement?.contains(event.target)) onClose();
    };
    window.addEventListener("keydown", onKey);
    window.addEventListener("pointerdown", onPointer, true);
    window.addEventListener("wheel", onClose, { passive: true });
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("pointerdown", onPointer, true);
      window.removeEventListener("wheel", onClose);
    };
  }, [onClose]);

  return (
    <div className="context-menu" role="menu" aria-label={`Trace this ${target.label}`} style={{ left: target.x, top: target.y }} data-testid="trace-here-menu">
      <button
        ref={item}
        type="button"
        role="menuitem"
        className="context-menu__item"
        data-testid="trace-here"
        onClick={() => {
          onTrace();
          onClose();
        }}
      >
        Trace events on this {target.label}
      </button>
    </div>
  );
}
