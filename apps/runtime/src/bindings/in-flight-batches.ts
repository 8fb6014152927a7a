/**
 * The outbox's batches on their way to the broker: sent in order, several at once (the caller bounds how
 * many), and retired strictly in order — a batch's confirms are handed out only when it and every batch before
 * it were acknowledged, so nothing is resolved before the broker acked it and the retired prefix is always
 * complete. A failure stalls the pipeline (reported once) until `resend()`, which sends every unretired batch
 * again, oldest first: the failed one and everything after it, even those the broker has since acknowledged,
 * so the last copy of each event still reaches the broker in publish order. Answers to an earlier attempt are
 * ignored after a resend (a generation per attempt): at-least-once, never lost.
 */
import type { HeldMessage } from "./outbox";

export interface InFlightDeps {
  /** Sends one batch; resolves when the broker accepted all of it. */
  send(batch: readonly HeldMessage[]): Promise<void>;
  /** A batch and every batch before it were acknowledged: its messages are the broker's now. */
  retired(batch: readonly HeldMessage[]): void;
  /** A batch failed; nothing more is acknowledged as retired until `resend()`. Called once per stall. */
  failed(error: unknown): void;
}

interface Batch {
  readonly messages: readonly HeldMessage[];
  acked: boolean;
}

export class InFlightBatches {
  private batches: Batch[] = [];
  private messageCount = 0;
  private generation = 0;
  private stalledByFailure = false;

  constructor(private readonly deps: InFlightDeps) {}

  /** Batches sent and not retired. */
  get size(): number {
    return this.batches.length;
  }

  /** Messages in those batches. */
  get messages(): number {
    return this.messageCount;
  }

  /** A batch failed and `resend()` has not been called since. */
  get stalled(): boolean {
    return this.stalledByFailure;
  }

  send(messages: readonly HeldMessage[]): void {
    const batch: Batch = { messages, acked: false };
    this.batches.push(batch);
    this.messageCount += messages.length;
    this.dispatch(batch);
  }

  /** Sends every unretired batch again, oldest first (after a failure or a reconnect). */
  resend(): void {
    this.generation++;
    this.stalledByFailure = false;
    for (const batch of this.batches) {
      batch.acked = false;
      this.dispatch(batch);
    }
  }

  /** Takes every unretired message out, in publish order; answers still coming for them are ignored. */
  takeAll(): HeldMessage[] {
    this.generation++;
    this.stalledByFailure = false;
    const messages = this.batches.flatMap((batch) => batch.messages);
    this.batches = [];
    this.messageCount = 0;
    return messages;
  }

  private dispatch(batch: Batch): void {
    const generation = this.generation;
    this.deps.send(batch.messages).then(
      () => {
        if (generation !== this.generation) return;
        batch.acked = true;
        this.retire();
      },
      (error: unknown) => {
        if (generation !== this.generation || this.stalledByFailure) return;
        this.stalledByFailure = true;
        this.deps.failed(error);
      },
    );
  }

  private retire(): void {
    while (this.batches[0]?.acked === true) {
      const batch = this.batches.shift()!;
      this.messageCount -= batch.messages.length;
      this.deps.retired(batch.messages);
    }
  }
}
