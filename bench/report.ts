/** Plain-text table of benchmark results. */
import type { TargetResult } from './load.ts';

/** Terminal columns a string takes: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}

const pad = (s: string, width: number, left: boolean) => {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return left ? s + fill : fill + s;
};

const ms = (v: number) => (Number.isFinite(v) ? (v < 10 ? v.toFixed(2) : v.toFixed(1)) : '—');

/** Milliseconds with the unit, or — when there is no figure. */
const msu = (v: number) => (Number.isFinite(v) ? `${ms(v)} ms` : '—');

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);

export function formatTable(results: TargetResult[], bareRps: number): string {
  const header = ['target', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'non-2xx', 'errors', '× bare', 'cache hits'];
  const rows = results.map((r) => [
    r.label,
    Math.round(r.requestsPerSec).toString(),
    ms(r.latencyMs.p50),
    ms(r.latencyMs.p95),
    ms(r.latencyMs.p99),
    String(r.non2xx),
    String(r.errors),
    bareRps > 0 ? (r.requestsPerSec / bareRps).toFixed(3) : '—',
    pct(r.cache.hitRate),
  ]);
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((row) => displayWidth(row[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, i === 0)).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export type Goal = { label: string; result: TargetResult; minRatio: number; maxP95Ms: number };

/** The catalog issue's goals: each route's ratio to the bare route and its p95 against the limits. */
export function formatGoals(goals: Goal[], bareRps: number): string {
  const rows = goals.map((g) => {
    const ratio = bareRps > 0 ? g.result.requestsPerSec / bareRps : NaN;
    const p95 = g.result.latencyMs.p95;
    return [
      g.label,
      `${Number.isFinite(ratio) ? ratio.toFixed(3) : '—'} × bare (goal ≥ ${g.minRatio})`,
      ratio >= g.minRatio ? 'met' : 'MISSED',
      `p95 ${ms(p95)} ms (goal ≤ ${g.maxP95Ms})`,
      p95 <= g.maxP95Ms ? 'met' : 'MISSED',
      `x-cache hits ${pct(g.result.cache.hitRate)}`,
      g.result.latencyByCache
        ? `hits p50/p95 ${msu(g.result.latencyByCache.hit.p50)} / ${msu(g.result.latencyByCache.hit.p95)}, misses ${msu(g.result.latencyByCache.miss.p50)} / ${msu(g.result.latencyByCache.miss.p95)}`
        : '',
    ];
  });
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => displayWidth(row[i]!))));
  return rows.map((row) => '  ' + row.map((c, i) => pad(c, widths[i]!, true)).join('  ').trimEnd()).join('\n');
}
