/** Field schemas shared by several node types' configs. */
import { z } from "zod";

/** A CloudEvents `type`. */
export const EventTypeSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9._:/-]+$/, "event types use letters, digits and . _ : / -");

/** A dotted path into the event, e.g. `data.customer.id`. */
export const FieldPathSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9_$-]+(\.[A-Za-z0-9_$-]+)*$/, "use a dotted path like data.customer.id");

/** A port name (edges refer to it as `sourcePort`): the same alphabet as ids. */
export const PortNameSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "port names use letters, digits, '-' and '_' only");

/** The numeric aggregates windows and alerts compute. */
export const AggregateSchema = z.enum(["count", "sum", "avg", "min", "max"]);
export type Aggregate = z.infer<typeof AggregateSchema>;
