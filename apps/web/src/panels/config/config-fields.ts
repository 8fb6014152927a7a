import { configJsonSchema, type FieldWidget, type VisibleWhen } from "@eventloom/schema";

/**
 * The controls the form knows. json covers free JSON and patterns (highlighted, checked JSON text); mappings
 * is a table; code is free text in a monospace area (JSONata expressions); group is an object of simple fields
 * (a channel's retry policy) shown as nested fields instead of JSON.
 */
export type FieldControlKind = "text" | "number" | "duration" | "enum" | "boolean" | "json" | "mappings" | "code" | "group" | "connection";

/** One form field, derived from a node type's config JSON Schema. */
export interface ConfigField {
  key: string;
  title: string;
  description: string;
  control: FieldControlKind;
  /** The schema's widget hint, kept so a control can specialise later (e.g. a pattern builder). */
  widget: FieldWidget | undefined;
  unit?: string;
  min?: number;
  max?: number;
  integer: boolean;
  options?: string[];
  defaultValue: unknown;
  /** A group's own fields. */
  fields?: ConfigField[];
  /** A connection field's broker kind (a select of the workspace's connections of that kind). */
  connectionKind?: string;
  /** When the field applies (the schema's `visibleWhen`); always when absent. */
  visibleWhen?: VisibleWhen;
}

interface JsonSchemaProperty {
  type?: string | string[];
  title?: string;
  description?: string;
  widget?: FieldWidget;
  unit?: string;
  enum?: unknown[];
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
  properties?: Record<string, JsonSchemaProperty>;
  connectionKind?: string;
  visibleWhen?: VisibleWhen;
}

const JSON_WIDGETS: ReadonlySet<FieldWidget> = new Set(["json", "pattern"]);

/** Fields for a node type's config, in schema order; empty for an unknown type. */
export function configFields(type: string): ConfigField[] {
  const schema = configJsonSchema(type) as { properties?: Record<string, JsonSchemaProperty> } | undefined;
  return Object.entries(schema?.properties ?? {}).map(([key, property]) => toField(key, property));
}

function toField(key: string, p: JsonSchemaProperty): ConfigField {
  const control = controlFor(p);
  const field: ConfigField = {
    key,
    title: p.title ?? key,
    description: p.description ?? "",
    control,
    widget: p.widget,
    integer: p.type === "integer",
    defaultValue: p.default,
  };
  const unit = control === "duration" ? (p.unit ?? "ms") : p.unit;
  if (unit) field.unit = unit;
  const min = p.minimum ?? p.exclusiveMinimum;
  const max = p.maximum ?? p.exclusiveMaximum;
  if (min !== undefined) field.min = min;
  if (max !== undefined) field.max = max;
  if (control === "connection" && p.connectionKind) field.connectionKind = p.connectionKind;
  if (p.visibleWhen) field.visibleWhen = p.visibleWhen;
  if (control === "enum") field.options = (p.enum ?? []).map(String);
  if (control === "group") field.fields = Object.entries(p.properties ?? {}).map(([k, child]) => toField(k, child));
  return field;
}

/**
 * The fields that apply to this config: a field with `visibleWhen` shows only while the fields it names hold
 * one of the listed values (their defaults when unset), e.g. a transform's expression only for JSONata.
 */
export function visibleFields(fields: readonly ConfigField[], config: Record<string, unknown>): ConfigField[] {
  const defaults = new Map(fields.map((f) => [f.key, f.defaultValue]));
  return fields.filter(
    (field) =>
      !field.visibleWhen ||
      Object.entries(field.visibleWhen).every(([key, allowed]) => allowed.includes((config[key] ?? defaults.get(key)) as string | number | boolean)),
  );
}

/** Controls a group may contain: plain inputs, no nested JSON. */
const SIMPLE: ReadonlySet<FieldControlKind> = new Set(["text", "number", "duration", "enum", "boolean"]);

function controlFor(p: JsonSchemaProperty): FieldControlKind {
  const children = Object.values(p.properties ?? {});
  if (p.type === "object" && children.length > 0 && children.every((c) => SIMPLE.has(controlFor(c)))) return "group";
  if (p.widget === "connection") return "connection";
  if (p.widget === "duration") return "duration";
  if (p.widget === "mappings") return "mappings";
  if (p.widget === "jsonata") return "code";
  if (p.widget && JSON_WIDGETS.has(p.widget)) return "json";
  if (p.widget === "enum" || Array.isArray(p.enum)) return "enum";
  if (p.widget === "boolean" || p.type === "boolean") return "boolean";
  if (p.widget === "number" || p.type === "number" || p.type === "integer") return "number";
  if (p.widget === "text" || p.type === "string") return "text";
  return "json";
}
