import { z } from "zod";

/** W3C trace context: `00-<32 hex trace id>-<16 hex span id>-<2 hex flags>`. */
export const TraceparentSchema = z.string().regex(/^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/, "not a W3C traceparent");

/**
 * A CloudEvents 1.0 envelope with the `traceparent` extension (distributed tracing extension), so one event
 * can be followed across hops and brokers. Extension attributes are lowercase alphanumeric names.
 */
export const CloudEventSchema = z
  .object({
    specversion: z.literal("1.0"),
    id: z.string().min(1).max(256),
    source: z.string().min(1).max(1024),
    type: z.string().min(1).max(256),
    time: z.string().datetime({ offset: true }).optional(),
    subject: z.string().max(1024).optional(),
    datacontenttype: z.string().max(256).optional(),
    dataschema: z.string().max(1024).optional(),
    data: z.unknown().optional(),
    traceparent: TraceparentSchema.optional(),
    /** Partitioning extension: the ordering/partition key. */
    partitionkey: z.string().max(256).optional(),
  })
    // Extension attributes are typed `unknown` so engine code can build events (whose `data` is unknown) as
  // plain object literals; the CloudEvents type system (string, number, boolean) is checked where events
  // cross a boundary.
  .catchall(z.unknown());
export type CloudEvent = z.infer<typeof CloudEventSchema>;
