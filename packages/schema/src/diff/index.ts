export * from "./diff-flows";
export * from "./diff-schema";
export { jsonEqual } from "./value-diff";
