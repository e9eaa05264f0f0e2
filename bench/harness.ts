/** What every benchmark script shares: settings from the environment, output, and a clean stop on signals. */

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
