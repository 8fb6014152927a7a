/** User errors of the connections API, as classes with codes (DESIGN §5.4). */
import { AppError } from "../errors";

export class ConnectionRevConflictError extends AppError {
  constructor(currentRev: number) {
    super("REV_CONFLICT", `The connection changed since you loaded it (now at rev ${currentRev}). Reload and try again.`, 409, {
      path: ["rev"],
      details: { currentRev },
    });
  }
}

export class ConnectionNameTakenError extends AppError {
  constructor(name: string) {
    super("CONNECTION_NAME_TAKEN", `This workspace already has a connection named "${name}".`, 409, { path: ["name"] });
  }
}

export class ConnectionInUseError extends AppError {
  constructor(name: string, flows: readonly { id: string; name: string }[]) {
    const names = flows.map((flow) => `"${flow.name}"`).join(", ");
    super("CONNECTION_IN_USE", `The connection "${name}" is used by ${flows.length === 1 ? "the flow" : "the flows"} ${names}: change those channels first.`, 409, {
      details: { flowIds: flows.map((flow) => flow.id), flows },
    });
  }
}

export class ConnectionKindChangeError extends AppError {
  constructor(from: string, to: string) {
    super("VALIDATION_FAILED", `A connection's kind cannot change (it is ${from}, not ${to}): create a new connection instead.`, 400, {
      path: ["settings", "kind"],
    });
  }
}
