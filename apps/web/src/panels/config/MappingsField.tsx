import { useEffect, useState } from "react";

/** One mapping as the table edits it: `from` copies a field, `value` writes a constant (JSON or text). */
interface Row {
  to: string;
  source: "from" | "value";
  text: string;
}

export interface MappingsFieldProps {
  id: string;
  value: unknown;
  onChange(value: unknown): void;
}

function toRows(value: unknown): Row[] {
  if (!Array.isArray(value)) return [];
  return value.map((m: { to?: unknown; from?: unknown; value?: unknown }) =>
    m.from !== undefined ? { to: String(m.to ?? ""), source: "from", text: String(m.from) } : { to: String(m.to ?? ""), source: "value", text: JSON.stringify(m.value ?? "") },
  );
}

/** A constant typed as JSON when it parses (`42`, `true`, `{"a":1}`), else as a plain string. */
function constant(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function toMappings(rows: readonly Row[]): unknown[] {
  return rows.map((r) => (r.source === "from" ? { to: r.to, from: r.text } : { to: r.to, value: constant(r.text) }));
}

/**
 * Transform mappings as a small table — target field, copy-from or constant, source — instead of raw JSON.
 * Every change writes the whole list; the validator's messages appear under the field as for any other.
 */
export function MappingsField({ id, value, onChange }: MappingsFieldProps) {
  const [rows, setRows] = useState(() => toRows(value));
  useEffect(() => {
    // Adopt outside changes (undo, reload) unless they are what the rows already say.
    setRows((current) => (JSON.stringify(toMappings(current)) === JSON.stringify(value) ? current : toRows(value)));
  }, [value]);
  const update = (next: Row[]) => {
    setRows(next);
    onChange(toMappings(next));
  };
  const edit = (index: number, patch: Partial<Row>) => update(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));

  return (
    <div className="mappings" id={id} role="group" aria-label="Mappings">
      <table className="mappings__table">
        <thead>
          <tr>
            <th scope="col">to</th>
            <th scope="col">source</th>
            <th scope="col">from / value</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              <td>
                <input className="input input--mono" aria-label={`Mapping ${i + 1} to`} value={row.to} placeholder="amount" onChange={(e) => edit(i, { to: e.target.value })} />
              </td>
              <td>
                <select className="input" aria-label={`Mapping ${i + 1} source`} value={row.source} onChange={(e) => edit(i, { source: e.target.value === "value" ? "value" : "from" })}>
                  <option value="from">from</option>
                  <option value="value">value</option>
                </select>
              </td>
              <td>
                <input
                  className="input input--mono"
                  aria-label={`Mapping ${i + 1} ${row.source}`}
                  value={row.text}
                  placeholder={row.source === "from" ? "data.total" : '"EUR"'}
                  onChange={(e) => edit(i, { text: e.target.value })}
                />
              </td>
              <td>
                <button type="button" className="icon-btn icon-btn--danger" aria-label={`Remove mapping ${i + 1}`} onClick={() => update(rows.filter((_, j) => j !== i))}>
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="btn btn--small" onClick={() => update([...rows, { to: "", source: "from", text: "" }])}>
        Add mapping
      </button>
    </div>
  );
}
