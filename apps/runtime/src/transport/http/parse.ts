import type { Path } from "@eventloom/schema";
import type { z } from "zod";
import { ValidationError } from "../../errors";

/** Parses one part of a request (body, params) with its schema; a mismatch is a 400 VALIDATION_FAILED. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, prefix: Path = []): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ValidationError(parsed.error, prefix);
  return parsed.data;
}

/** No body at all means "no options" ({}); a JSON `null` is a body, and is refused by the schema like any other wrong value. */
export function optionalBody(body: unknown): unknown {
  return body === undefined ? {} : body;
}
