import { useEffect, useId, useRef, useState, type ReactNode } from "react";

export interface MenuButtonProps {
  /** What the button shows. */
  label: ReactNode;
  /** The accessible name of the button (the visible label may be an avatar). */
  ariaLabel: string;
  className?: string;
  testId: string;
  align?: "left" | "right";
  /** The panel; `close` lets an item close it after acting. */
  children(close: () => void): ReactNode;
}

/**
 * A button that opens a small panel of actions (a disclosure): Escape and a click outside close it, focus moves
 * to the first control inside on open and back to the button on Escape.
 */
export function MenuButton({ label, ariaLabel, className = "", testId, align = "left", children }: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => setOpen(false);

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLElement>(".menu-panel button:not([disabled]), .menu-panel a")?.focus();
    const onPointer = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", onPointer);
    return () => document.removeEventListener("mousedown", onPointer);
  }, [open]);

  return (
    <div
      className={`menu-button ${className}`}
      ref={root}
      onKeyDown={(event) => {
        if (event.key !== "Escape" || !open) return;
        event.stopPropagation();
        setOpen(false);
        button.current?.focus();
      }}
    >
      <button
        ref={button}
        type="button"
        className="menu-button__trigger"
        aria-label={ariaLabel}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((was) => !was)}
        data-testid={testId}
      >
        {label}
      </button>
      {open && (
        <div id={panelId} className={`menu-panel menu-panel--${align}`} data-testid={`${testId}-panel`}>
          {children(close)}
        </div>
      )}
    </div>
  );
}
