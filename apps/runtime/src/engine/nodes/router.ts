/**
 * Sends each event to named outputs by content pattern: the first matching rule (`first`) or every matching
 * rule (`all`); unmatched events take `otherwise`, or are dropped (counted) when it is empty. The same event
 * object moves on, as in the filter. An output with no channel wired to it drops (and counts) what it gets.
 */
import { matchesPattern, RouterConfigSchema, routerOutputs, type CloudEvent, type Pattern } from "@eventloom/schema";
import type { ConsumerHandler } from "../consumer-runtime";
import type { Outlet } from "../outlet";
import { dropEvent } from "./drop";
import type { NodeEnv } from "./node-env";

interface CompiledRule {
  pattern: Pattern;
  outlet: Outlet;
  output: string;
}

export function createRouter(env: NodeEnv, rawConfig: unknown): ConsumerHandler {
  const config = RouterConfigSchema.parse(rawConfig);
  const outlets = new Map(routerOutputs(config).map((port) => [port.id, env.outletFor(port.id)] as const));
  const rules: CompiledRule[] = config.rules.map((rule) => ({ pattern: rule.pattern, output: rule.output, outlet: outlets.get(rule.output)! }));
  const otherwise = config.otherwise === "" ? undefined : { output: config.otherwise, outlet: outlets.get(config.otherwise)! };

  const send = (event: CloudEvent, target: { output: string; outlet: Outlet }): undefined | Promise<void> => {
    if (target.outlet.channels.length === 0) {
      dropEvent(env, event, `router output "${target.output}" is not wired to a channel`);
      return undefined;
    }
    return target.outlet.forward(event);
  };

  const routeFirst = (event: CloudEvent): undefined | Promise<void> => {
    for (const rule of rules) if (matchesPattern(rule.pattern, event)) return send(event, rule);
    if (otherwise) return send(event, otherwise);
    dropEvent(env, event, "no router rule matched");
    return undefined;
  };

  const routeAll = (event: CloudEvent): undefined | Promise<unknown> => {
    const seen = new Set<string>();
    let waits: Promise<void>[] | undefined;
    for (const rule of rules) {
      if (seen.has(rule.output) || !matchesPattern(rule.pattern, event)) continue;
      seen.add(rule.output);
      const outcome = send(event, rule);
      if (outcome) (waits ??= []).push(outcome);
    }
    if (seen.size === 0) return routeFirst(event);
    return waits ? Promise.all(waits) : undefined;
  };

  return { handle: config.mode === "first" ? routeFirst : routeAll };
}
