import { useEffect, useId, useRef, type ReactNode } from "react";

export interface ModalDialogProps {
  title: string;
  children: ReactNode;
  /** Escape, the backdrop and the close buttons all call this. */
  onClose(): void;
  /** The dialog's buttons, rightmost is the primary one. */
  actions: ReactNode;
  tone?: "default" | "danger";
  testId?: string;
}

/**
 * An in-app modal (never window.confirm: it blocks the page, cannot be styled and tests cannot see it).
 * Focus moves into the dialog, Tab stays inside, Escape closes, and focus returns where it was.
 */
export function ModalDialog({ title, children, onClose, actions, tone = "default", testId }: ModalDialogProps) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const root = ref.current;
    const buttons = root?.querySelectorAll<HTMLElement>(".modal__actions button");
    // The last action is the primary one, except in a danger dialog where the safe choice takes focus.
    const initial = tone === "danger" ? buttons?.[0] : buttons?.[buttons.length - 1];
    (initial ?? root)?.focus();
    return () => previous?.focus?.();
  }, [tone]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === "Escape") {
      event.stopPropagation();
      onCloseRef.current();
    } else if (event.key === "Tab") {
      trapTab(event, ref.current);
    }
  };

  return (
    <div className="modal-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div
        ref={ref}
        className={`modal modal--${tone}`}
        role={tone === "danger" ? "alertdialog" : "dialog"}
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
        data-testid={testId}
      >
        <h2 id={titleId} className="modal__title">
          {title}
        </h2>
        <div className="modal__body">{children}</div>
        <div className="modal__actions">{actions}</div>
      </div>
    </div>
  );
}

/** Keeps Tab and Shift-Tab cycling inside the dialog. */
function trapTab(event: React.KeyboardEvent, root: HTMLElement | null): void {
  if (!root) return;
  const focusable = [...root.querySelectorAll<HTMLElement>("button, [href], input, select, textarea, [tabindex]:not([tabindex='-1'])")].filter(
    (element) => !element.hasAttribute("disabled"),
  );
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}
