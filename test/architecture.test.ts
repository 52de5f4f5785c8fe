/**
 * The house rules of docs/architecture.md, checked on the source tree: imports point one way between the layers,
 * and the pure core (domain/, analysis/) does no I/O, reads no process state and no clock.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const src = join(root, 'src');

/** What each layer may import of ours (besides itself). Top-level files (index.ts, api/) and cli/, server/ may
 * import anything. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  domain: [],
  analysis: ['domain'],
  sources: ['domain'],
  formats: ['domain', 'analysis'],
  app: ['domain', 'analysis', 'sources'],
};

const PURE_FORBIDDEN: [RegExp, string][] = [
  [/from ['"]node:/, 'imports a node: module'],
  [/\bprocess\.(env|exit|argv|stdout|stderr|stdin|cwd|on|kill|pid|platform|hrtime)\b/, 'uses process'],
  [/\bconsole\.(log|error|warn|info|debug)\b/, 'uses console'],
  [/new Date\(\)|Date\.now\(\)/, 'reads the clock'],
];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.includes('test-helper')) out.push(p);
  }
  return out;
}

const layerOf = (file: string) => relative(src, file).split('/')[0] ?? '';

/** Every relative import of a file (static and dynamic), resolved to a path under src/. */
function importsOf(file: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
    out.push(normalize(join(dirname(file), m[1] as string)));
  }
  return out;
}

describe('architecture', () => {
  it('imports point one way: domain <- analysis <- formats; domain <- sources; app above them; cli on top', () => {
    const wrong: string[] = [];
    for (const file of sourceFiles(src)) {
      const layer = layerOf(file);
      const allowed = ALLOWED[layer];
      if (allowed === undefined) continue;
      for (const target of importsOf(file, readFileSync(file, 'utf8'))) {
        const to = layerOf(target);
        if (to !== layer && !allowed.includes(to)) wrong.push(`${relative(root, file)} -> ${relative(root, target)}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  for (const layer of ['domain', 'analysis']) {
    it(`src/${layer} stays pure: no node: modules, process, console or clock`, () => {
      const offences: string[] = [];
      for (const file of sourceFiles(join(src, layer))) {
        const text = readFileSync(file, 'utf8');
        for (const [re, what] of PURE_FORBIDDEN) if (re.test(text)) offences.push(`${relative(root, file)} ${what}`);
      }
      assert.deepEqual(offences, []);
    });
  }

  it('app/ never prints and never exits: it returns reports', () => {
    const offences: string[] = [];
    for (const file of sourceFiles(join(src, 'app'))) {
      const text = readFileSync(file, 'utf8');
      if (/\bprocess\.(stdout|stderr|exit)\b|\bconsole\.(log|error|warn|info|debug)\(/.test(text))
        offences.push(relative(root, file));
    }
    assert.deepEqual(offences, []);
  });

  it('errors below cli/ name input fields, not flags', () => {
    const offences: string[] = [];
    for (const layer of ['domain', 'analysis', 'sources', 'app']) {
      for (const file of sourceFiles(join(src, layer))) {
        const text = readFileSync(file, 'utf8');
        for (const m of text.matchAll(/new (?:UserError|InvalidInput)\(([^;]*?)\);/gs)) {
          // A git command to run, in parentheses ("(git fetch --tags)"), names git's flags, not kgap's.
          const message = (m[1] as string).replace(/\(git [^)]*\)/g, '');
          if (/['"`]\s*--[a-z]|\s--[a-z][a-z-]+/.test(message))
            offences.push(`${relative(root, file)}: ${m[0].slice(0, 80)}`);
        }
      }
    }
    assert.deepEqual(offences, []);
  });
});
