/**
 * Where the CPU went during a load (Linux /proc): the server's node process, its PostgreSQL (postmaster and
 * backends) and this benchmark process (the load generator), in cores and per unit of work. On a 2-CPU machine
 * the three share the CPUs, so CPU per request is steadier than requests/s when others' work competes.
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';

const fmtMs = (v: number) => (Number.isFinite(v) ? (v < 10 ? v.toFixed(2) : v.toFixed(1)) : '—');

const CLK_TCK = 100; // Linux USER_HZ

/**
 * CPU seconds so far of the server's node process and of its PostgreSQL: the postmaster (node's child) and the
 * postmaster's children (backends, which put themselves in process groups of their own, so the group is no use).
 * Backends that exited are not counted: the server's pool keeps its connections, and the raw baseline is read
 * before its clients disconnect.
 */
export function serverCpu(nodePid: number): { node: number; postgres: number } | undefined {
  const procs: Array<{ pid: number; ppid: number; sec: number }> = [];
  try {
    for (const d of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      let stat: string;
      try {
        stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      } catch {
        continue; // gone meanwhile
      }
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // f[0] = field 3 (state)
      procs.push({ pid: Number(d), ppid: Number(f[1]), sec: (Number(f[11]) + Number(f[12])) / CLK_TCK }); // fields 4, 14, 15
    }
  } catch {
    return undefined;
  }
  const node = procs.find((p) => p.pid === nodePid);
  if (!node) return undefined;
  const postmasters = new Set(procs.filter((p) => p.ppid === nodePid).map((p) => p.pid));
  const postgres = procs.filter((p) => postmasters.has(p.pid) || postmasters.has(p.ppid)).reduce((sum, p) => sum + p.sec, 0);
  return { node: node.sec, postgres };
}

export type CpuUse = { serverNodeCores: number; postgresCores: number; benchProcessCores: number };

/** CPU used between start() and stop(), in cores (CPU seconds per second). */
export function cpuMeter(nodePid: number): { stop(): CpuUse | undefined } {
  const t0 = performance.now();
  const g0 = serverCpu(nodePid);
  const b0 = process.cpuUsage();
  return {
    stop() {
      const g1 = serverCpu(nodePid);
      const b = process.cpuUsage(b0);
      const sec = (performance.now() - t0) / 1000;
      if (!g0 || !g1 || sec <= 0) return undefined;
      const r = (v: number) => Math.round(v * 100) / 100;
      return { serverNodeCores: r((g1.node - g0.node) / sec), postgresCores: r((g1.postgres - g0.postgres) / sec), benchProcessCores: r((b.user + b.system) / 1e6 / sec) };
    },
  };
}


/** CPU in cores, and per unit of work (CPU ms per transaction / request at the measured rate). */
export const formatCpu = (c: CpuUse | undefined, perSec: number, unit: string) =>
  c
    ? `CPU in cores: server node ${c.serverNodeCores}, PostgreSQL ${c.postgresCores}, this process (load generator) ${c.benchProcessCores}` +
      (perSec > 0 ? `; CPU per ${unit}: node ${fmtMs((c.serverNodeCores / perSec) * 1000)} ms, PostgreSQL ${fmtMs((c.postgresCores / perSec) * 1000)} ms` : '')
    : 'CPU: unavailable';
