/** What every benchmark script shares: settings from the environment, output, and a clean stop on signals. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function intEnv(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  return n;
}

export const log = (line: string) => process.stdout.write(line + '\n');

/**
 * An abort signal raised by the first SIGINT/SIGTERM/SIGHUP (the script then stops the server politely); a second
 * signal exits at once, and the 'exit' hook in server.ts SIGKILLs the server's process group and removes DATA_DIR.
 */
export function abortOnSignals(): AbortController {
  const abort = new AbortController();
  let interrupted = 0;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      interrupted++;
      if (interrupted > 1) {
        log(`\n${sig} again: killing the server now.`);
        process.exit(130);
      }
      log(`\n${sig} received: stopping the benchmark and the server…`);
      abort.abort(sig);
    });
  }
  return abort;
}

/** Stop the benchmark's server politely (SIGTERM; it stops its PostgreSQL) and say how it went. */
export async function stopServer(server: { stop(): Promise<{ exitCode: number | null; signal: string | null; forced: boolean }> }): Promise<void> {
  log('Stopping the server (SIGTERM)…');
  const s = await server.stop();
  log(`Server stopped (exit code ${s.exitCode}${s.signal ? `, signal ${s.signal}` : ''}${s.forced ? ', had to be killed' : ''}); temporary data removed.`);
}

/** Run a benchmark's main: exit 0 when it could be carried out, 1 (with the reason) when not. */
export function runBenchmark(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`\nBenchmark failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}

/** The load every target gets: BENCH_CONNECTIONS (50), BENCH_WARMUP (2 s), BENCH_DURATION (10 s). */
export function loadSettingsFromEnv(): { connections: number; warmupSec: number; durationSec: number } {
  return { connections: intEnv('BENCH_CONNECTIONS', 50, 1), warmupSec: intEnv('BENCH_WARMUP', 2, 0), durationSec: intEnv('BENCH_DURATION', 10, 1) };
}

/** Abort the run after `ms` (the caller clears the returned timer when done). */
export function timeLimit(abort: AbortController, ms: number): NodeJS.Timeout {
  return setTimeout(() => {
    log(`\nTime limit of ${Math.round(ms / 1000)} s reached: aborting.`);
    abort.abort('time limit');
  }, ms);
}

/** CPUs and the 1-min load average before the run, with a warning when others compete for the CPU. */
export function machineNow(): { cpus: number; loadBefore: number; line: string } {
  const cpus = os.availableParallelism();
  const loadBefore = os.loadavg()[0]!;
  return { cpus, loadBefore, line: `Machine: ${cpus} CPUs, 1-min load average ${loadBefore.toFixed(2)}${loadBefore > cpus / 2 ? ' (busy: other work competes for the CPU, expect noisy figures)' : ''}.` };
}

/** The server's memory budget under a benchmark's load (the rule every issue names): peak RSS under 300 MB. */
export const RSS_BUDGET_MB = 300;

/** Whether a peak RSS (MB) stays under the budget (or a tighter one of a benchmark's own), and the words a report's memory line ends with. */
export function rssBudget(peakMb: number | undefined, budgetMb = RSS_BUDGET_MB): { under: boolean; verdict: string } {
  const under = peakMb !== undefined && peakMb < budgetMb;
  return { under, verdict: `${under ? 'Stays under' : 'Does NOT stay under'} the ${budgetMb} MB budget.` };
}

/** Write the run's figures as JSON and say where. */
export function writeReport(file: string, report: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  log(`\nResults written to ${file}`);
}
