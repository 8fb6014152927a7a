/**
 * Runs one consumer node: counts and traces each delivery, calls the node's handler, and settles the event
 * with its channel (ack after the handler finished). Synchronous handlers take the fast path with no
 * promise; an async handler keeps its delivery in flight until it settles, and the channel hands a
 * subscription no more than its `concurrency` at once — which is how back-pressure from a blocked
 * downstream channel travels upstream.
 */
import type { CloudEvent, NodeCounters } from "@eventloom/schema";
import type { Delivery, EngineChannel, HopRecorder, Subscriber } from "./contract";
import type { Scheduler } from "./scheduler";

/** What a consumer node implements. Return a promise only when the work really is asynchronous. */
export interface ConsumerHandler {
  handle(event: CloudEvent): void | Promise<unknown>;
  stop?(): void;
}

export interface ConsumerRuntimeOptions {
  id: string;
  handler: ConsumerHandler;
  counters: NodeCounters;
  recorder: HopRecorder;
  scheduler: Scheduler;
  /** Called whenever async work settles, so a draining deployment can notice it is idle. */
  onSettled: () => void;
}

export class ConsumerRuntime implements Subscriber {
  readonly id: string;
  readonly inputs: EngineChannel[] = [];
  inFlight = 0;
  /** Set while a redeploy replaces or removes this consumer: its channels hand it nothing more. */
  busy = false;
  private readonly handler: ConsumerHandler;
  private readonly counters: NodeCounters;
  private readonly recorder: HopRecorder;

  constructor(private readonly options: ConsumerRuntimeOptions) {
    this.id = options.id;
    this.handler = options.handler;
    this.counters = options.counters;
    this.recorder = options.recorder;
  }

  deliver(event: CloudEvent, channel: Delivery): void {
    this.counters.received++;
    this.recorder.record("delivered", this.id, event);
    let result: void | Promise<unknown>;
    try {
      result = this.handler.handle(event);
    } catch (error) {
      this.fail(event, channel, error);
      return;
    }
    if (result === undefined) this.succeed(event, channel);
    else this.track(result, event, channel);
  }

  stop(): void {
    this.handler.stop?.();
  }

  private track(work: Promise<unknown>, event: CloudEvent, channel: Delivery): void {
    this.inFlight++;
    work.then(
      () => this.finish(event, channel, false, undefined),
      (error: unknown) => this.finish(event, channel, true, error),
    );
  }

  private finish(event: CloudEvent, channel: Delivery, failed: boolean, error: unknown): void {
    this.inFlight--;
    if (failed) this.fail(event, channel, error);
    else this.succeed(event, channel);
    this.options.onSettled();
  }

  private succeed(event: CloudEvent, channel: Delivery): void {
    this.counters.done++;
    this.recorder.record("done", this.id, event);
    channel.settle(event, undefined);
  }

  private fail(event: CloudEvent, channel: Delivery, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.counters.failed++;
    this.recorder.record("failed", this.id, event, message);
    channel.settle(event, message);
  }
}
