/**
 * `npm run bench`: runs every compiled `*.bench.js` beside this file and prints one table.
 * Each bench module exports `benches: readonly Bench[]`. Figures go to stdout; progress to stderr.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Bench, BenchFigure } from './bench.js';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);

// Millisecond figures first: start-up is measured before the heavy benches (QEMU boots, 1M-line logs, a 1M-commit
// tree, a PostgreSQL) leave their aftermath on the machine.
const FIRST = ['startup.bench.js'];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.js'))
  .sort((a, b) => Number(FIRST.includes(b)) - Number(FIRST.includes(a)) || a.localeCompare(b));
const rows: BenchFigure[] = [];
for (const file of files) {
  const mod = (await import(join(here, file))) as { benches?: readonly Bench[] };
  for (const bench of mod.benches ?? []) {
    if (only.length > 0 && !only.some((o) => bench.name.includes(o) || file.includes(o))) continue;
    process.stderr.write(`bench: ${bench.name} ...\n`);
    try {
      rows.push(...(await bench.run()));
    } catch (error) {
      rows.push({ name: bench.name, value: Number.NaN, unit: 'error', note: String(error) });
    }
  }
}
const header = '| figure | value | target | baseline | note |\n|---|---|---|---|---|\n';
const body = rows
  .map((r) => {
    const v = Number.isNaN(r.value) ? 'error' : `${Number(r.value.toFixed(3))} ${r.unit}`;
    const met = r.target === undefined ? '' : `${r.targetOk === false ? 'MISSED ' : ''}<= ${r.target} ${r.unit}`;
    return `| ${r.name} | ${v} | ${met} | ${r.baseline === undefined ? '' : `${r.baseline} ${r.unit}`} | ${r.note ?? ''} |`;
  })
  .join('\n');
process.stdout.write(`${header}${body}\n`);
