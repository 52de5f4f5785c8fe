import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

// The pure core (docs/architecture.md): no I/O modules, no process, no console, no clock.
const root = fileURLToPath(new URL('../../', import.meta.url));
const FORBIDDEN: [RegExp, string][] = [
  [/from ['"]node:/, 'imports a node: module'],
  [/\bprocess\.(env|exit|argv|stdout|stderr|stdin|cwd|on|kill|pid|platform|hrtime)\b/, 'uses process'],
  [/\bconsole\.(log|error|warn|info|debug)\b/, 'uses console'],
  [/new Date\(\)|Date\.now\(\)/, 'reads the clock'],
];

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

describe('architecture: domain/ and analysis/ stay pure', () => {
  for (const layer of ['src/domain', 'src/analysis']) {
    it(layer, () => {
      const offences: string[] = [];
      for (const file of sources(join(root, layer))) {
        const text = readFileSync(file, 'utf8');
        for (const [re, what] of FORBIDDEN) if (re.test(text)) offences.push(`${relative(root, file)} ${what}`);
      }
      assert.deepEqual(offences, []);
    });
  }
});
