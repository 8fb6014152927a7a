/**
 * A token bucket: `burst` tokens at most, refilled at `ratePerSecond`. Each take() spends one token or says
 * no. Used per socket for chatty events (presence), so one client cannot make the server broadcast to a whole
 * room at the rate it can send.
 */
export interface TokenBucket {
  /** Spends a token; false when the bucket is empty (the caller drops or refuses the request). */
  take(): boolean;
}

export interface TokenBucketOptions {
  ratePerSecond: number;
  burst: number;
  now: () => number;
}

export function createTokenBucket({ ratePerSecond, burst, now }: TokenBucketOptions): TokenBucket {
  let tokens = burst;
  let refilledAt = now();
  return {
    take() {
      const at = now();
      tokens = Math.min(burst, tokens + ((at - refilledAt) / 1000) * ratePerSecond);
      refilledAt = at;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
