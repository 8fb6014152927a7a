import { useId, useMemo, useState, type KeyboardEvent, type ReactNode } from "react";
import { fuzzyFilter } from "./fuzzy";

export interface PickerItem {
  id: string;
  title: string;
  detail?: string;
  /** Right-hand side: shortcut chips, a kind badge. */
  hint?: ReactNode;
  disabled?: boolean;
  /** Text the query is matched against (title, keywords, description …). */
  search: string;
}

export interface PickerProps {
  label: string;
  placeholder: string;
  items: readonly PickerItem[];
  onPick(item: PickerItem): void;
  onClose(): void;
  testId: string;
  emptyText?: string;
}

/**
 * A search box over a list (combobox + listbox): type to filter fuzzily, ↑/↓ to move, Enter to pick, Escape
 * to close. Shared by the command palette and quick-add.
 */
export function Picker({ label, placeholder, items, onPick, onClose, testId, emptyText = "Nothing matches." }: PickerProps) {
  const listId = useId();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  // Best matches first, but what can run now before what cannot, so Enter on the first row does something.
  const shown = useMemo(() => {
    const matches = fuzzyFilter(items, query, (i) => `${i.title} ${i.search}`);
    return [...matches.filter((i) => !i.disabled), ...matches.filter((i) => i.disabled)];
  }, [items, query]);
  const current = shown[Math.min(active, shown.length - 1)];

  const onKeyDown = (event: KeyboardEvent) => {
    // Handled here, never by the editor's global shortcuts underneath.
    event.stopPropagation();
    if (event.key === "Escape") onClose();
    else if (event.key === "ArrowDown") setActive((a) => Math.min(a + 1, shown.length - 1));
    else if (event.key === "ArrowUp") setActive((a) => Math.max(a - 1, 0));
    else if (event.key === "Enter" && current && !current.disabled) onPick(current);
    else return;
    event.preventDefault();
  };

  return (
    <div className="picker" data-testid={testId}>
      <input
        className="input picker__input"
        autoFocus
        role="combobox"
        aria-label={label}
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current ? `${listId}-${current.id}` : undefined}
        placeholder={placeholder}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        data-testid={`${testId}-input`}
      />
      <ul className="picker__list" id={listId} role="listbox" aria-label={label}>
        {shown.length === 0 && <li className="picker__empty">{emptyText}</li>}
        {shown.map((item) => (
          <li
            key={item.id}
            id={`${listId}-${item.id}`}
            role="option"
            aria-selected={item === current}
            aria-disabled={item.disabled || undefined}
            className={`picker__item${item === current ? " is-active" : ""}${item.disabled ? " is-disabled" : ""}`}
            onMouseDown={(e) => e.preventDefault()}
            onMouseEnter={() => setActive(shown.indexOf(item))}
            onClick={() => !item.disabled && onPick(item)}
            data-testid={`${testId}-item-${item.id}`}
          >
            <span className="picker__text">
              <span className="picker__title">{item.title}</span>
              {item.detail && <span className="picker__detail">{item.detail}</span>}
            </span>
            {item.hint && <span className="picker__hint">{item.hint}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
