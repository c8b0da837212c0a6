/**
 * V8 settings for one batch run of the checker, set as `check` starts.
 *
 * A check is short (well under a second for a 1,000-file plan), so most of
 * its code runs before V8 has optimized it, and everything it reads (texts,
 * compact models) stays alive until the report. Two of V8's defaults suit a
 * long-lived process better than that:
 *
 * - the young generation starts small and doubles after each scavenge that
 *   finds it too small, and each scavenge copies everything still alive. A
 *   growth of four at a step reaches the same cap (16 MB a half, unchanged)
 *   in fewer scavenges (12 → 10 on the 1,000-file plan);
 * - TurboFan inlines callees up to 920 bytes of bytecode into a hot
 *   function. The block reader's `mapping`, `flow` and `inline` then took
 *   35–60 ms each to compile (`--trace-opt`), and ran unoptimized meanwhile.
 *   A budget of 200 gets optimized code sooner: the block reader's cold pass
 *   over the 1,000-file plan 175 → 125 ms median.
 *
 * Together, over 24 alternating cold `pilot-plan check` runs of the
 * 1,000-file plan: 860 → 780 ms median wall, 1.31 → 1.08 s of CPU; no slower
 * on the 100k-line file or the 100-file plan (bench/README.md). Both flags
 * are read when V8 grows the space or compiles a function, so setting them
 * after start-up takes effect. The language server, long-lived and watched
 * for memory, keeps V8's defaults.
 */
import { setFlagsFromString } from 'node:v8';

export function tuneV8ForBatchRun(): void {
  setFlagsFromString('--semi-space-growth-factor=4');
  setFlagsFromString('--max-inlined-bytecode-size-cumulative=200');
}
