import { connectionFormFields, type ConnectionFormField, type ConnectionKind } from "@eventloom/schema";
import type { FormValue, FormValues } from "./form-values";

export interface SettingsFieldsProps {
  kind: ConnectionKind;
  values: FormValues;
  /** Which secret fields have a saved value (an empty input then keeps it). */
  savedSecrets: Readonly<Record<string, { hasValue: boolean }>>;
  /** Saved secrets the user chose to remove. */
  cleared: ReadonlySet<string>;
  errors: Readonly<Record<string, string>>;
  onChange(key: string, value: FormValue): void;
  onToggleClear(key: string): void;
}

/** One kind's settings as a form generated from its schema; secrets are password inputs that never show a value. */
export function SettingsFields(props: SettingsFieldsProps) {
  return (
    <>
      {connectionFormFields(props.kind).map((field) => (
        <SettingsField key={field.key} field={field} {...props} />
      ))}
    </>
  );
}

function SettingsField({ field, values, savedSecrets, cleared, errors, onChange, onToggleClear }: SettingsFieldsProps & { field: ConnectionFormField }) {
  const id = `connection-field-${field.key}`;
  const value = values[field.key];
  const error = errors[field.key];
  const saved = field.control === "secret" && savedSecrets[field.key]?.hasValue === true;
  const removing = cleared.has(field.key);
  const help = saved ? (removing ? "The saved value will be removed on save." : "Saved — leave empty to keep it.") : field.description;
  const common = { id, "data-testid": id, "aria-invalid": error ? true : undefined, "aria-describedby": `${id}-help` };
  return (
    <div className={`field field--${field.control}`}>
      {field.control === "boolean" ? (
        <div className="field__check">
          <input type="checkbox" {...common} checked={value === true} onChange={(e) => onChange(field.key, e.target.checked)} />
          <label htmlFor={id}>{field.title}</label>
        </div>
      ) : (
        <label className="field__label" htmlFor={id}>
          {field.title}
          {field.required && <span aria-hidden="true"> *</span>}
        </label>
      )}
      {field.control === "enum" && (
        <select className="input" {...common} value={String(value)} onChange={(e) => onChange(field.key, e.target.value)}>
          {(field.options ?? []).map((option) => (
            <option key={option}>{option}</option>
          ))}
        </select>
      )}
      {field.control === "list" && <textarea className="input input--mono" rows={3} {...common} value={String(value)} onChange={(e) => onChange(field.key, e.target.value)} />}
      {(field.control === "text" || field.control === "number") && (
        <input className="input" type={field.control === "number" ? "number" : "text"} {...common} value={String(value)} onChange={(e) => onChange(field.key, field.control === "number" && e.target.value !== "" ? Number(e.target.value) : e.target.value)} />
      )}
      {field.control === "secret" && (
        <div className="secret-input">
          <input
            className="input"
            type="password"
            autoComplete="new-password"
            {...common}
            disabled={removing}
            placeholder={saved ? "saved — leave empty to keep" : ""}
            value={String(value)}
            onChange={(e) => onChange(field.key, e.target.value)}
          />
          {saved && (
            <button type="button" className="btn btn--small" onClick={() => onToggleClear(field.key)} data-testid={`${id}-clear`}>
              {removing ? "Keep" : "Remove"}
            </button>
          )}
        </div>
      )}
      <p className="field__help" id={`${id}-help`}>
        {help}
      </p>
      {error && (
        <p className="field__problems" role="alert" data-testid={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
