/**
 * In a list of ranges in text order (lines, segments), the one an offset is
 * in: the last that starts at or before it (0 when none does), by bisection.
 */
export function lastStartAtOrBefore(items: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = items.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (items[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
