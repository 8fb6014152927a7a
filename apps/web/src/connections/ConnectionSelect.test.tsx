/** @vitest-environment jsdom */
import { SECRET_MASK, type ConnectionDto } from "@eventloom/schema";
import { fireEvent, render, screen } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ConnectionSelect } from "./ConnectionSelect";
import { useConnectionsStore } from "./connections-store";

const connection = (id: string, name: string, kind: ConnectionDto["kind"]): ConnectionDto => ({
  id,
  workspaceId: "ws",
  name,
  kind,
  settings: { kind, password: SECRET_MASK },
  secrets: { password: { hasValue: true } },
  rev: 1,
  createdBy: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
});

beforeEach(() => {
  useConnectionsStore.setState({ workspaceId: "ws", error: null, connections: [connection("c1", "Orders MQ", "rabbitmq"), connection("c2", "Cache", "redis-streams"), connection("c3", "Audit MQ", "rabbitmq")] });
});

describe("ConnectionSelect", () => {
  it("offers the workspace's connections of the channel's kind only, and writes the chosen id", () => {
    const onChange = vi.fn();
    render(<ConnectionSelect common={{ "aria-label": "Connection" }} kind="rabbitmq" value={undefined} onChange={onChange} />);
    const select = screen.getByLabelText("Connection");
    expect([...select.querySelectorAll("option")].map((o) => o.textContent)).toEqual(["None (runtime default)", "Orders MQ", "Audit MQ"]);
    fireEvent.change(select, { target: { value: "c3" } });
    expect(onChange).toHaveBeenLastCalledWith("c3");
    expect(screen.getByTestId("connection-select-create").getAttribute("href")).toBe("/connections/new/rabbitmq");
    expect(screen.getByTestId("connection-select-create").textContent).toBe("New RabbitMQ connection…");
  });

  it("says when there is none of that kind, and keeps showing a connection that no longer exists", () => {
    render(<ConnectionSelect common={{ "aria-label": "Connection" }} kind="kafka" value="gone" onChange={() => undefined} />);
    const options = [...screen.getByLabelText("Connection").querySelectorAll("option")].map((o) => o.textContent);
    expect(options).toEqual(["No Apache Kafka connections yet (runtime default)", "Missing connection (gone)"]);
  });
});
