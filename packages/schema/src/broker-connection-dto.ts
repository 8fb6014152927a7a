/** REST shapes for broker connections: secrets go in, never come out (only `hasValue`). */
import { z } from "zod";
import {
  ConnectionKindSchema,
  ConnectionNameSchema,
  ConnectionSettingsSchema,
  SECRET_MASK,
  EventHubsSettingsSchema,
  KafkaSettingsSchema,
  KinesisSettingsSchema,
  MqttSettingsSchema,
  NatsSettingsSchema,
  RabbitMqSettingsSchema,
  RedisSettingsSchema,
  secretFieldsOf,
  type ConnectionKind,
} from "./broker-connections";

/** Whether a secret field has a saved value; the value itself is never sent. */
export const SecretStateSchema = z.object({ hasValue: z.boolean() });

/**
 * A connection as the API returns it. `settings` holds the non-secret fields, and each secret field that has a
 * value as `SECRET_MASK`; `secrets` says which secret fields are set.
 */
export const ConnectionDtoSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  name: z.string(),
  kind: ConnectionKindSchema,
  settings: z.record(z.string(), z.unknown()),
  secrets: z.record(z.string(), SecretStateSchema),
  rev: z.number().int().positive(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ConnectionDto = z.infer<typeof ConnectionDtoSchema>;

export const ConnectionListResponseSchema = z.object({ connections: z.array(ConnectionDtoSchema) });
export type ConnectionListResponse = z.infer<typeof ConnectionListResponseSchema>;

export const CreateConnectionRequestSchema = z.strictObject({
  name: ConnectionNameSchema,
  settings: ConnectionSettingsSchema,
});
export type CreateConnectionRequest = z.input<typeof CreateConnectionRequestSchema>;

/** A secret in an update: the mask, "" or absent keep the saved value; null clears it; any other string replaces it. */
const SecretPatchSchema = z.union([z.string().max(8192), z.null()]).optional();

/**
 * Settings as the edit form sends them: every field as in `ConnectionSettingsSchema` except the secrets (the
 * fields of `CONNECTION_SECRET_FIELDS`, checked by a test), which take SecretPatchSchema.
 */
export const ConnectionSettingsPatchSchema = z.discriminatedUnion("kind", [
  KafkaSettingsSchema.extend({ password: SecretPatchSchema }),
  EventHubsSettingsSchema.extend({ connectionString: SecretPatchSchema }),
  RabbitMqSettingsSchema.extend({ password: SecretPatchSchema }),
  NatsSettingsSchema.extend({ password: SecretPatchSchema, token: SecretPatchSchema }),
  MqttSettingsSchema.extend({ password: SecretPatchSchema }),
  RedisSettingsSchema.extend({ password: SecretPatchSchema }),
  KinesisSettingsSchema.extend({ secretAccessKey: SecretPatchSchema }),
]);
export type ConnectionSettingsPatch = z.input<typeof ConnectionSettingsPatchSchema>;

/** Every save names the `rev` it was based on; a stale rev is refused with 409 REV_CONFLICT. The kind cannot change. */
export const UpdateConnectionRequestSchema = z
  .strictObject({
    rev: z.number().int().positive(),
    name: ConnectionNameSchema.optional(),
    settings: ConnectionSettingsPatchSchema.optional(),
  })
  .refine((body) => body.name !== undefined || body.settings !== undefined, { message: "give a name or settings to save" });
export type UpdateConnectionRequest = z.input<typeof UpdateConnectionRequestSchema>;

/**
 * Tests settings that are not saved (yet): a new connection's form, or an edited one's (`connectionId` given:
 * secrets left masked or empty are taken from the saved connection).
 */
export const TestConnectionRequestSchema = z.strictObject({
  settings: ConnectionSettingsPatchSchema,
  connectionId: z.string().min(1).max(100).optional(),
});
export type TestConnectionRequest = z.input<typeof TestConnectionRequestSchema>;

export const ConnectionTestErrorCodeSchema = z.enum([
  "CONNECTION_REFUSED",
  "HOST_NOT_FOUND",
  "AUTH_FAILED",
  "NOT_AUTHORIZED",
  "TIMEOUT",
  "TLS_ERROR",
  "PROTOCOL_ERROR",
  "BROKER_ERROR",
  "INVALID_SETTINGS",
]);
export type ConnectionTestErrorCode = z.infer<typeof ConnectionTestErrorCodeSchema>;

/** The outcome of a real connection attempt: what failed and where, in words a user can act on. */
export const ConnectionTestResultSchema = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), latencyMs: z.number().nonnegative(), detail: z.string().optional() }),
  z.object({
    ok: z.literal(false),
    latencyMs: z.number().nonnegative(),
    error: z.object({ code: ConnectionTestErrorCodeSchema, message: z.string() }),
  }),
]);
export type ConnectionTestResult = z.infer<typeof ConnectionTestResultSchema>;

/** Splits parsed settings into what may be stored and shown (public) and what must be encrypted (secrets). */
export function splitSecrets(settings: Record<string, unknown> & { kind: ConnectionKind }): {
  publicSettings: Record<string, unknown>;
  secrets: Record<string, string>;
} {
  const secretKeys = new Set(secretFieldsOf(settings.kind));
  const publicSettings: Record<string, unknown> = {};
  const secrets: Record<string, string> = {};
  for (const [key, value] of Object.entries(settings)) {
    if (!secretKeys.has(key)) publicSettings[key] = value;
    else if (typeof value === "string" && value !== "") secrets[key] = value;
  }
  return { publicSettings, secrets };
}

/** Applies an edit form's secret fields to the saved secrets: mask/empty/absent keep, null clears, text replaces. */
export function mergeSecretPatch(kind: ConnectionKind, patch: Record<string, unknown>, saved: Record<string, string>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...patch };
  for (const field of secretFieldsOf(kind)) {
    const sent = patch[field];
    if (sent === null) delete merged[field];
    else if (sent === undefined || sent === "" || sent === SECRET_MASK) {
      if (saved[field] === undefined) delete merged[field];
      else merged[field] = saved[field];
    }
  }
  return merged;
}

/** What the API shows for a connection's settings: public fields plus the mask for each secret that has a value. */
export function maskedSettings(kind: ConnectionKind, publicSettings: Record<string, unknown>, setSecretFields: readonly string[]) {
  const settings: Record<string, unknown> = { ...publicSettings, kind };
  const states: Record<string, { hasValue: boolean }> = {};
  for (const field of secretFieldsOf(kind)) {
    const hasValue = setSecretFields.includes(field);
    states[field] = { hasValue };
    if (hasValue) settings[field] = SECRET_MASK;
    else delete settings[field];
  }
  return { settings, secrets: states };
}
