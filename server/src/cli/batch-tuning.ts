/**
 * V8 settings for one batch run of the checker, set as `check` starts.
 *
 * A check is short (well under a second for a 1,000-file plan), so most of
 * its code runs before V8 has optimized it, and much of its memory is touched
 * for the first time. Two of V8's defaults suit a long-lived process better:
 *
 * - the young generation starts at 1 MB a half and doubles after each
 *   scavenge that finds it too small, up to 16 MB a half. Each new page costs
 *   a page fault when first written, and on the virtual machines we measure
 *   on, a fault costs ~11 µs (4 KB; bench/README.md): the 33 MB a grown young
 *   generation touches cost more than the scavenges it saves. A growth factor
 *   of 1 keeps it at 1 MB a half (2 MB in all, reused and in cache); a
 *   file's garbage still dies in it, and what a plan keeps is promoted at
 *   once. The 1,000-file plan: 99 scavenges instead of 10, 22k →
 *   15k page faults, 108 → 80 MB resident, 670 → 620 ms median wall (12
 *   alternating runs); lines-100k 605 → 535 ms, files-100 285 → 260 ms. A plan
 *   with 24,000 findings (bench/stress.mjs, duplicated), which keeps far more,
 *   is slower: 1.64 → 1.74 s.
 * - TurboFan inlines callees up to 920 bytes of bytecode into a hot
 *   function. The block reader's `mapping`, `flow` and `inline` then took
 *   35–60 ms each to compile (`--trace-opt`), and ran unoptimized meanwhile.
 *   A budget of 200 got optimized code sooner: the block reader's cold pass
 *   over the 1,000-file plan 175 → 125 ms median; still 760 → 725 ms wall
 *   with the young generation kept small (12 alternating runs). A budget of
 *   50 is better again: TurboFan compiles ~200 ms of CPU over that check, on
 *   the core the main thread shares with the collector's helpers, and the
 *   main thread waited 30–120 ms for a core (`/proc/self/task/<tid>/schedstat`).
 *   1,000-file plan 454 → 431 ms in process (30 alternating runs; page
 *   faults 12.6k → 11.8k, the compiler's memory), lines-100k 252 → 246 ms,
 *   files-100 86 → 77 ms (16 runs each); 20 and 0 were no better.
 * - V8 counts the bytecode a function runs against an interrupt budget, and
 *   after a few budgets marks it for TurboFan. Four times the default budget
 *   (67,584 → 270,336) leaves the functions a check calls a few hundred times
 *   in Sparkplug's baseline code, and gives TurboFan the ones that carry the
 *   check: fewer compilations on the shared core, and less of the compiler's
 *   memory (page faults 11.5k → 9.9k over the 1,000-file plan). PILOT_PLAN_TIMING
 *   medians, 20 alternating runs: files-1000 410 → 375 ms (and 376 → 360 at
 *   twice the budget, 404 → 385 at four times, in two sets before), files-100
 *   92 → 84, lines-10k 71 → 68, lines-100k 249 → 253 (within its noise); the
 *   plans full of findings 1.71 → 1.60 s and 686 → 629 ms (8 runs). Wall,
 *   files-1000, 20 runs: −20 ms. Eight times was no better on files-1000 and
 *   worse once on lines-100k; sixteen times was worse there (+57 ms).
 *
 * These flags are read when V8 grows the space, compiles a function or
 * gives a function its feedback, so setting them after start-up, before the
 * bundle is compiled (launch.ts), takes effect (`--trace-gc`: the young
 * generation stays at 2.1 MB; `--trace-opt`: fewer functions optimized).
 * The language server, long-lived, keeps V8's defaults.
 */
import { setFlagsFromString } from 'node:v8';

export function tuneV8ForBatchRun(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--max-inlined-bytecode-size-cumulative=50');
  setFlagsFromString('--interrupt-budget=270336');
}
