/**
 * A FIFO ring buffer: O(1) push/shift without Array#shift's copying. It starts small and doubles up to
 * `limit`, so a channel declared with a capacity of a million does not reserve it up front.
 */
export class RingQueue<T> {
  private items: (T | undefined)[];
  private head = 0;
  private count = 0;

  constructor(
    readonly limit: number,
    initial = 1024,
  ) {
    this.items = new Array<T | undefined>(Math.max(1, Math.min(limit, initial))).fill(undefined);
  }

  get size(): number {
    return this.count;
  }

  get full(): boolean {
    return this.count >= this.limit;
  }

  /** Appends; the caller checks `full` first (pushing onto a full queue is a bug and throws). */
  push(item: T): void {
    if (this.count === this.items.length) this.grow();
    const slot = this.head + this.count;
    this.items[slot < this.items.length ? slot : slot - this.items.length] = item;
    this.count++;
  }

  /** Removes and returns the oldest item, or undefined when empty. */
  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = this.head + 1 === this.items.length ? 0 : this.head + 1;
    this.count--;
    return item;
  }

  /** The item `index` places after the oldest (0 = oldest), or undefined past the end. */
  at(index: number): T | undefined {
    if (index < 0 || index >= this.count) return undefined;
    const slot = this.head + index;
    return this.items[slot < this.items.length ? slot : slot - this.items.length];
  }

  private grow(): void {
    if (this.items.length >= this.limit) throw new RangeError("RingQueue is full");
    const next = new Array<T | undefined>(Math.min(this.limit, this.items.length * 2)).fill(undefined);
    for (let i = 0; i < this.count; i++) next[i] = this.items[(this.head + i) % this.items.length];
    this.items = next;
    this.head = 0;
  }
}
