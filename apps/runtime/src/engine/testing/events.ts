import type { CloudEvent } from "@eventloom/schema";

/**
 * A CloudEvent literal for tests. The schema type's catchall index signature does not admit `data: unknown`,
 * so literals need one assertion; it lives here instead of in every test.
 */
export function testEvent(fields: { id: string; data?: unknown; type?: string; traceparent?: string }): CloudEvent {
  return { specversion: "1.0", source: "test", type: "t", ...fields } as CloudEvent;
}
