import type { Finding } from '../../analysis/exposure/assess-exposure.js';

/** The BUILT column: `built-in`, `module <name>`, `not built` or `unknown` (empty without a config). */
export function relevanceCell(f: Finding): string {
  const r = f.relevance;
  if (!r) return '';
  if (r.status === 'not-built') return 'not built';
  if (r.status === 'unknown') return 'unknown';
  const builtIn = r.files.find((x) => x.status === 'built-in');
  const mod = r.files.find((x) => x.status === 'module');
  return builtIn ? 'built-in' : mod?.module ? `module ${mod.module}` : 'built';
}

/** The `relevance` object of a JSON finding: status, reason, VEX justification, and each touched file. */
export function relevanceJson(f: Finding) {
  const r = f.relevance;
  if (!r) return {};
  return {
    relevance: {
      status: r.status,
      reason: r.reason,
      justification: r.justification,
      files: r.files.map((x) => ({ path: x.path, status: x.status, ...(x.module ? { module: x.module } : {}) })),
    },
  };
}
