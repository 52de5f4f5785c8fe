/**
 * Writes docs/hardening.md from the checklist: `node dist/scripts/gen-hardening-doc.js` (after `npm run build`).
 * `--check` exits 1 instead when the committed file is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { hardeningChecks } from '../src/analysis/hardening/checks/index.js';
import { renderHardeningDoc } from '../src/formats/hardening/render-hardening-doc.js';

const target = fileURLToPath(new URL('../../docs/hardening.md', import.meta.url));
const text = renderHardeningDoc(hardeningChecks);
if (process.argv.includes('--check')) {
  const current = readFileSync(target, 'utf8');
  if (current !== text) {
    process.stderr.write('docs/hardening.md is out of date: run `node dist/scripts/gen-hardening-doc.js`\n');
    process.exitCode = 1;
  }
} else {
  writeFileSync(target, text);
  process.stderr.write(`wrote ${target} (${hardeningChecks.length} checks)\n`);
}
