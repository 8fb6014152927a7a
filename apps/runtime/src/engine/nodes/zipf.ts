/**
 * Key skew for generators: draws key ranks 1…N with probability ∝ 1 / rank^s (Zipf; s = 0 is uniform).
 * The cumulative weights are computed once, so each draw is one random number and a binary search.
 */
export function createZipfSampler(keys: number, exponent: number, random: () => number): () => number {
  const cumulative = new Float64Array(keys);
  let total = 0;
  for (let rank = 1; rank <= keys; rank++) {
    total += 1 / rank ** exponent;
    cumulative[rank - 1] = total;
  }
  return () => {
    const target = random() * total;
    let lo = 0;
    let hi = keys - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return lo + 1;
  };
}
