/**
 * The project patches kafkajs' record encoder and decoder (patches/kafkajs@2.2.4.patch): headers are written
 * into the record's own buffer and decoded in a loop. These tests hold the patch to kafkajs' original wire
 * format, byte for byte, with kafkajs' own per-header encoder as the reference.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const PROTOCOL = "kafkajs/src/protocol";

interface Encoder {
  buffer: Buffer;
  writeInt8(value: number): Encoder;
  writeVarInt(value: number): Encoder;
  writeVarLong(value: number): Encoder;
  writeVarIntBytes(value: Buffer | string | null): Encoder;
  writeVarIntArray(values: Encoder[]): Encoder;
  writeBuffer(value: Buffer): Encoder;
}
interface Decoder {
  readVarInt(): number;
}
interface DecodedRecord {
  key: Buffer | null;
  value: Buffer | null;
  offset: string;
  headers: Record<string, Buffer | Buffer[]>;
}
type RecordInput = { offsetDelta?: number; timestampDelta?: number; key: Buffer | null; value: Buffer | null; headers?: Record<string, string | Buffer | (string | Buffer)[]> };

const EncoderClass = require(`${PROTOCOL}/encoder`) as new () => Encoder;
const DecoderClass = require(`${PROTOCOL}/decoder`) as new (buffer: Buffer) => Decoder;
const encodeRecord = require(`${PROTOCOL}/recordBatch/record/v0`) as (record: RecordInput) => Encoder;
const decodeRecord = require(`${PROTOCOL}/recordBatch/record/v0/decoder`) as (decoder: Decoder, context: object) => DecodedRecord;
const encodeHeader = require(`${PROTOCOL}/recordBatch/header/v0`) as (header: { key: string; value: unknown }) => Encoder;

/** kafkajs 2.2.4's record encoding before the patch: an Encoder per header, appended to the record. */
function originalEncoding({ offsetDelta = 0, timestampDelta = 0, key, value, headers = {} }: RecordInput): Buffer {
  const headerList = Object.keys(headers).flatMap((name) => {
    const entry = headers[name];
    return Array.isArray(entry) ? entry.map((one) => ({ key: name, value: one })) : [{ key: name, value: entry }];
  });
  const body = new EncoderClass()
    .writeInt8(0)
    .writeVarLong(timestampDelta)
    .writeVarInt(offsetDelta)
    .writeVarIntBytes(key)
    .writeVarIntBytes(value)
    .writeVarIntArray(headerList.map(encodeHeader)).buffer;
  return new EncoderClass().writeVarInt(body.length).writeBuffer(body).buffer;
}

function roundTrip(record: RecordInput): DecodedRecord {
  const decoder = new DecoderClass(encodeRecord(record).buffer);
  decoder.readVarInt(); // the record's length, read by the batch decoder before the record decoder runs
  return decodeRecord(decoder, { firstOffset: "40", firstTimestamp: "1700000000000" });
}

const CLOUDEVENT = {
  offsetDelta: 3,
  timestampDelta: 17,
  key: Buffer.from("order-42"),
  value: Buffer.from('{"total":123}'),
  headers: {
    ce_specversion: "1.0",
    ce_id: "01JXYZ",
    ce_source: "eventloom/flow/gen",
    ce_type: "order.placed",
    traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
    "content-type": "application/json",
    "ce_note": "ünïcödé ✓",
  },
};

describe("kafkajs record encoding (patched)", () => {
  it("writes the same bytes as kafkajs' original encoder", () => {
    const cases: RecordInput[] = [
      CLOUDEVENT,
      { key: null, value: Buffer.from("plain") },
      { key: null, value: null, headers: { empty: "", binary: Buffer.from([0, 1, 2, 255]) } },
      { key: Buffer.from("k"), value: Buffer.alloc(5_000, 7), headers: { repeated: ["a", "b", "c"], ["x".repeat(300)]: "y".repeat(300) } },
    ];
    for (const record of cases) expect(encodeRecord(record).buffer.equals(originalEncoding(record))).toBe(true);
  });

  it("decodes headers to what was sent, repeated names to a list", () => {
    const decoded = roundTrip({ key: Buffer.from("k"), value: Buffer.from("v"), headers: { ...CLOUDEVENT.headers, repeated: ["a", "b", "c"] } });
    expect(decoded.offset).toBe("40");
    expect(decoded.key?.toString()).toBe("k");
    expect(decoded.value?.toString()).toBe("v");
    const text = (value: unknown) => (Array.isArray(value) ? value.map(String) : String(value));
    expect(Object.fromEntries(Object.entries(decoded.headers).map(([name, value]) => [name, text(value)]))).toEqual({
      ...CLOUDEVENT.headers,
      repeated: ["a", "b", "c"],
    });
  });

  it("decodes a record without headers to an empty header object", () => {
    expect(roundTrip({ key: null, value: Buffer.from("v") }).headers).toEqual({});
  });
});
