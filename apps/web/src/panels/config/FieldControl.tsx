import "./config-widgets.css";
import type { Problem } from "@eventloom/schema";
import { useEffect, useState } from "react";
import type { ConfigField } from "./config-fields";
import { shortMessage } from "./field-problems";
import { humanDuration } from "./duration";
import { ConnectionSelect } from "../../connections/ConnectionSelect";
import { JsonField } from "./JsonField";
import { MappingsField } from "./MappingsField";

export interface FieldControlProps {
  id: string;
  field: ConfigField;
  value: unknown;
  problems: readonly Problem[];
  onChange(value: unknown): void;
}

/** One labelled form row: label, control (by kind), help text and this field's problems from validateGraph. */
export function FieldControl({ id, field, value, problems, onChange }: FieldControlProps) {
  if (field.control === "group") return <FieldGroup id={id} field={field} value={value} problems={problems} onChange={onChange} />;
  const helpId = `${id}-help`;
  const problemId = `${id}-problems`;
  const describedBy = problems.length > 0 ? `${helpId} ${problemId}` : helpId;
  const common = { id, "aria-describedby": describedBy, "aria-invalid": problems.length > 0 || undefined };
  return (
    <div className={`field field--${field.control}`}>
      {field.control === "boolean" ? (
        <div className="field__check">
          <input type="checkbox" {...common} checked={value === true} onChange={(e) => onChange(e.target.checked)} />
          <label htmlFor={id}>{field.title}</label>
        </div>
      ) : (
        <label className="field__label" htmlFor={id}>
          {field.title}
        </label>
      )}
      {field.control === "text" && <input type="text" className="input" {...common} value={typeof value === "string" ? value : ""} onChange={(e) => onChange(e.target.value)} />}
      {field.control === "enum" && (
        <select className="input" {...common} value={typeof value === "string" ? value : String(field.defaultValue ?? "")} onChange={(e) => onChange(e.target.value)}>
          {(field.options ?? []).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      )}
      {(field.control === "number" || field.control === "duration") && <NumberInput field={field} value={value} common={common} onChange={onChange} />}
      {field.control === "json" && <JsonField common={common} value={value} onChange={onChange} />}
      {field.control === "mappings" && <MappingsField id={id} value={value} onChange={onChange} />}
      {field.control === "connection" && <ConnectionSelect common={common} kind={field.connectionKind} value={value} onChange={onChange} />}
      {field.control === "code" && (
        <textarea className="input input--mono" {...common} rows={4} spellCheck={false} value={typeof value === "string" ? value : ""} onChange={(e) => onChange(e.target.value)} />
      )}
      <p className="field__help" id={helpId}>
        {field.description}
      </p>
      {problems.length > 0 && (
        <ul className="field__problems" id={problemId} data-testid={`field-problems-${field.key}`}>
          {problems.map((p, i) => (
            <li key={i}>{shortMessage(p)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface NumberInputProps {
  field: ConfigField;
  value: unknown;
  common: Record<string, unknown>;
  onChange(value: unknown): void;
}

/** Keeps the typed text (so "1e" or "" can be typed through) and writes only numbers into the graph. */
function NumberInput({ field, value, common, onChange }: NumberInputProps) {
  const external = typeof value === "number" ? String(value) : "";
  const [draft, setDraft] = useState(external);
  useEffect(() => {
    // Follow changes made elsewhere (reload, undo) unless the draft already means the same number.
    setDraft((current) => (Number(current) === Number(external) && current !== "" ? current : external));
  }, [external]);
  return (
    <div className="input-with-unit">
      <input
        type="number"
        className="input"
        {...common}
        value={draft}
        min={field.min}
        max={field.max}
        step={field.integer ? 1 : "any"}
        onChange={(e) => {
          setDraft(e.target.value);
          const next = e.target.valueAsNumber;
          if (e.target.value !== "" && Number.isFinite(next)) onChange(next);
        }}
      />
      {field.unit && <span className="input-with-unit__unit">{field.unit}</span>}
      {field.control === "duration" && typeof value === "number" && value >= 1000 && (
        <span className="input-with-unit__hint" data-testid={`duration-hint-${field.key}`}>
          = {humanDuration(value)}
        </span>
      )}
    </div>
  );
}

/** An object of simple fields as a fieldset; each child writes the whole object back. */
function FieldGroup({ id, field, value, problems, onChange }: FieldControlProps) {
  const object = value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  return (
    <fieldset className="field-group" aria-describedby={`${id}-help`}>
      <legend className="field__label">{field.title}</legend>
      <p className="field__help" id={`${id}-help`}>
        {field.description}
      </p>
      {(field.fields ?? []).map((child) => (
        <FieldControl
          key={child.key}
          id={`${id}-${child.key}`}
          field={child}
          value={object[child.key] ?? child.defaultValue}
          // Problems under this group have paths like [..., "config", group, child, …].
          problems={problems.filter((p) => p.path[4] === child.key)}
          onChange={(next) => onChange({ ...object, [child.key]: next })}
        />
      ))}
    </fieldset>
  );
}
