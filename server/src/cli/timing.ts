/**
 * PILOT_PLAN_TIMING=1: where a check's time went, on standard error after the
 * report (which stays clean for --format json and the rest). The phases of the
 * command, the memory the process holds and the page faults it took, then each
 * rule's time summed over all files, slowest first: what a plan's maintainer
 * looks at when a check of a big plan is slow, and what the benchmark's
 * profiles say in more detail (bench/README.md).
 */
import { getHeapSpaceStatistics, getHeapStatistics } from 'node:v8';
import type { RuleTimes } from '../engine/run-rules';
import type { Locale } from '../engine/i18n/messages';

/**
 * The process's memory when the report is out: V8's heap, its young
 * generation, and the page faults so far.
 * Each first write to a page is a fault; on the virtual machines we measure
 * on, a fault costs 11–15 µs, so these count for a check's time
 * (bench/README.md, Fresh memory).
 */
function memoryLine(locale: Locale): string {
  const mb = (x: number) => (x / 1048576).toFixed(1);
  const heap = mb(getHeapStatistics().used_heap_size);
  const young = mb(getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0);
  const faults = process.resourceUsage().minorPageFault;
  return locale === 'zh-CN'
    ? `  内存：堆 ${heap} MB（新生代 ${young} MB），缺页 ${faults} 次`
    : `  memory: heap ${heap} MB (young generation ${young} MB), ${faults} page faults`;
}

const PHASES = {
  find: { en: 'finding the files', zh: '查找文件' },
  read: { en: 'reading the files', zh: '读取文件' },
  // The checker parses each file just before its file rules (checker.ts): one phase.
  rules: { en: 'parsing, plans and rules', zh: '解析、方案索引与规则' },
  report: { en: 'the report', zh: '生成报告' },
} as const;

export type Phase = keyof typeof PHASES;

export class CheckTiming {
  readonly rules: RuleTimes = new Map();
  private readonly phases = new Map<Phase, number>();
  private last = performance.now();

  /** Ends a phase: the time since the previous one ended (or since this timer was made). */
  end(phase: Phase): void {
    const now = performance.now();
    this.phases.set(phase, (this.phases.get(phase) ?? 0) + now - this.last);
    this.last = now;
  }

  format(locale: Locale): string {
    const zh = locale === 'zh-CN';
    const ms = (x: number) => x.toFixed(1).padStart(9);
    const total = [...this.phases.values()].reduce((a, b) => a + b, 0);
    const lines = [zh ? 'pilot-plan 用时（毫秒）：' : 'pilot-plan timing (ms):'];
    for (const [phase, t] of this.phases) lines.push(`  ${ms(t)}  ${zh ? PHASES[phase].zh : PHASES[phase].en}`);
    lines.push(`  ${ms(total)}  ${zh ? '合计（不含 Node 启动）' : 'in all (after Node started)'}`);
    lines.push(memoryLine(locale));
    const ruleTotal = [...this.rules.values()].reduce((a, b) => a + b, 0);
    if (ruleTotal > 0) {
      lines.push(zh ? '  各规则（所有文件合计）：' : '  by rule (over all files):');
      for (const [code, t] of [...this.rules].sort((a, b) => b[1] - a[1])) {
        lines.push(`  ${ms(t)}  ${String(Math.round((100 * t) / ruleTotal)).padStart(3)}%  ${code}`);
      }
    }
    return lines.join('\n') + '\n';
  }
}

/** Whether PILOT_PLAN_TIMING asks for timings (any value but empty, 0 or false). */
export function timingWanted(env: NodeJS.ProcessEnv): boolean {
  const v = env.PILOT_PLAN_TIMING;
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}
