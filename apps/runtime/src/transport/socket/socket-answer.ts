/** Parsing and ack answers shared by the socket handlers: `{ok:true,data}` or `{ok:false,error}`, never a throw. */
import type { AckResult, ApiError } from "@eventloom/schema";
import type { z } from "zod";
import type { EngineLogger } from "../../engine/contract";
import { asUserError, ValidationError } from "../../errors";

/** Parses an inbound payload; a mismatch is a VALIDATION_FAILED user error. */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ValidationError(parsed.error);
  return parsed.data;
}

/** Runs the request and acks the outcome (if the client asked for an ack). Resolves with the data or null. */
export async function answer<T>(ack: unknown, logger: EngineLogger, work: () => Promise<T>): Promise<T | null> {
  const reply = typeof ack === "function" ? (ack as (result: AckResult<T>) => void) : undefined;
  try {
    const data = await work();
    reply?.({ ok: true, data });
    return data;
  } catch (error) {
    const userError = asUserError(error);
    if (!userError) logger.error({ err: error }, "socket request failed");
    const apiError: ApiError = userError ? userError.toApiError() : { code: "INTERNAL", message: "Something went wrong on our side." };
    reply?.({ ok: false, error: apiError });
    return null;
  }
}
