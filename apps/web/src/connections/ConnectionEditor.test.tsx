/** @vitest-environment jsdom */
import { SECRET_MASK, type ConnectionDto } from "@eventloom/schema";
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ConnectionEditor } from "./ConnectionEditor";

const saved: ConnectionDto = {
  id: "conn_1",
  workspaceId: "ws",
  name: "Orders broker",
  kind: "rabbitmq",
  settings: { kind: "rabbitmq", host: "mq.local", port: 5672, vhost: "/", username: "app", tls: false, password: SECRET_MASK },
  secrets: { password: { hasValue: true } },
  rev: 2,
  createdBy: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
};

describe("ConnectionEditor", () => {
  it("shows a saved connection with an empty password input that says the saved one is kept", () => {
    render(<ConnectionEditor workspaceId="ws" connection={saved} initialKind="rabbitmq" onSaved={() => undefined} onDeleted={() => undefined} />);
    const password = screen.getByTestId("connection-field-password") as HTMLInputElement;
    expect(password.type).toBe("password");
    expect(password.value).toBe("");
    expect(password.placeholder).toBe("saved — leave empty to keep");
    expect(document.body.innerHTML).not.toContain(SECRET_MASK);
    expect((screen.getByTestId("connection-field-host") as HTMLInputElement).value).toBe("mq.local");
    expect((screen.getByTestId("connection-kind") as HTMLSelectElement).disabled).toBe(true);
    expect(screen.getByTestId("connection-save")).toBeTruthy();
  });

  it("lets a viewer read but not change, test or delete", () => {
    render(<ConnectionEditor workspaceId="ws" connection={saved} initialKind="rabbitmq" readOnly onSaved={() => undefined} onDeleted={() => undefined} />);
    expect((screen.getByTestId("connection-field-host") as HTMLInputElement).matches(":disabled")).toBe(true);
    expect(screen.queryByTestId("connection-save")).toBeNull();
    expect(screen.queryByTestId("connection-test")).toBeNull();
    expect(screen.queryByTestId("connection-delete")).toBeNull();
    expect(screen.getByTestId("connection-view-only").textContent).toContain("View only");
  });
});
