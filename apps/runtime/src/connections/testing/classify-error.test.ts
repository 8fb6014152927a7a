import { describe, expect, it } from "vitest";
import { classifyConnectError } from "./classify-error";

const errorWith = (message: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(message), extra);

describe("classifyConnectError", () => {
  it.each([
    [errorWith("connect ECONNREFUSED 127.0.0.1:5699", { code: "ECONNREFUSED" }), "CONNECTION_REFUSED"],
    [errorWith("getaddrinfo ENOTFOUND mq.invalid", { code: "ENOTFOUND" }), "HOST_NOT_FOUND"],
    [errorWith('Handshake terminated by server: 403 (ACCESS-REFUSED) with message "ACCESS_REFUSED - Login was refused"'), "AUTH_FAILED"],
    [errorWith("WRONGPASS invalid username-password pair or user is disabled."), "AUTH_FAILED"],
    [errorWith("Connection refused: Not authorized", { code: 5 }), "AUTH_FAILED"],
    [errorWith("AUTHORIZATION_VIOLATION", { code: "AUTHORIZATION_VIOLATION" }), "AUTH_FAILED"],
    [errorWith("self-signed certificate", { code: "DEPTH_ZERO_SELF_SIGNED_CERT" }), "TLS_ERROR"],
    [errorWith("Expected ConnectionOpenOk; got <ConnectionClose channel:0>"), "NOT_AUTHORIZED"],
    [errorWith("connect ETIMEDOUT 10.0.0.1:9092", { code: "ETIMEDOUT" }), "TIMEOUT"],
    [errorWith("socket hang up", { code: "ECONNRESET" }), "PROTOCOL_ERROR"],
    [errorWith("Something odd"), "BROKER_ERROR"],
  ])("%s → %s", (error, code) => {
    expect(classifyConnectError(error, "RabbitMQ", "127.0.0.1:5672").code).toBe(code);
  });

  it("says what and where, and keeps the library's words", () => {
    const { message } = classifyConnectError(errorWith("connect ECONNREFUSED 127.0.0.1:5699", { code: "ECONNREFUSED" }), "RabbitMQ", "amqp://127.0.0.1:5699");
    expect(message).toMatch(/^RabbitMQ at amqp:\/\/127\.0\.0\.1:5699: nothing accepts connections there/);
    expect(message).toContain("ECONNREFUSED");
  });

  it("looks inside AggregateError and causes", () => {
    const aggregate = new AggregateError([errorWith("connect ECONNREFUSED ::1:5672", { code: "ECONNREFUSED" })], "");
    expect(classifyConnectError(aggregate, "Redis", "x").code).toBe("CONNECTION_REFUSED");
    expect(classifyConnectError(new Error("failed", { cause: errorWith("x", { code: "ENOTFOUND" }) }), "Redis", "x").code).toBe("HOST_NOT_FOUND");
  });
});
