/**
 * `POST /api/v1/products/{name}/gates`: `kgap fleet gate` through the API, on the gate tests' real fixture scenario
 * (test/fixtures/results/gate). Needs no shared data: the product is registered by version and the gate reads only
 * the result files.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { GATE } from './helpers/fleet-gate-contract.js';
import type { Json } from './helpers/json.js';
import { runCli } from './helpers/run-cli.js';
import { type ServeProcess, startServe } from './helpers/serve-process.js';

const TOKEN = 'test-token-0123456789abcdef';
const NO_GO = {
  baseline: `${GATE}/baseline`,
  candidate: `${GATE}/candidate`,
  knownIssues: `${GATE}/known-issues.json`,
  asOf: '2026-11-28',
};
const GO = { baseline: `${GATE}/baseline`, candidate: `${GATE}/baseline`, asOf: '2026-11-29' };

describe('POST /api/v1/products/{name}/gates', () => {
  const dir = mkdtempSync(join(process.env.TMPDIR || tmpdir(), 'kgap-serve-gate-'));
  const db = join(dir, 'fleet.db');
  let server: ServeProcess | null = null;
  const url = (path: string) => `${server?.url}${path}`;
  const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  const post = (name: string, body: unknown, headers: Record<string, string> = auth) =>
    fetch(url(`/api/v1/products/${name}/gates`), { method: 'POST', headers, body: JSON.stringify(body) });
  const recorded = async () =>
    ((await (await fetch(url('/api/v1/products/board/gates'))).json()) as Json).gates as Json[];

  before(async () => {
    assert.equal(runCli(['fleet', 'add', 'board', '--version', '6.1.170', '--db', db]).code, 0);
    server = await startServe(['--db', db, '--cache-dir', join(dir, 'cache')], { KGAP_TOKEN: TOKEN });
  });
  after(async () => server?.stop());

  it("answers kgap gate's JSON, byte for byte, and records the run whatever the verdict", async () => {
    const noGo = await post('board', NO_GO);
    assert.equal(noGo.status, 201);
    assert.equal(noGo.headers.get('location'), '/api/v1/products/board/gates');
    const plain = runCli([
      'gate',
      '--baseline',
      NO_GO.baseline,
      '--candidate',
      NO_GO.candidate,
      '--known-issues',
      NO_GO.knownIssues,
      '--as-of',
      NO_GO.asOf,
      '--format',
      'json',
    ]);
    assert.equal(plain.code, 1, plain.stderr);
    assert.equal(await noGo.text(), plain.stdout);
    const go = await post('board', { ...GO, policy: { flakyIsRegression: true } });
    assert.equal(go.status, 201);
    assert.equal(((await go.json()) as Json).verdict, 'go');
    const gates = await recorded();
    assert.deepEqual(
      gates.map((g) => [g.verdict, g.asOf, g.baseline, g.candidate]),
      [
        ['go', '2026-11-29', GO.baseline, GO.candidate],
        ['no-go', '2026-11-28', NO_GO.baseline, NO_GO.candidate],
      ],
    );
    assert.deepEqual(gates[1]?.reasons, JSON.parse(plain.stdout).reasons);
    const served = await (await fetch(url('/api/v1/products/board/gates'))).text();
    assert.equal(served, runCli(['fleet', 'gates', 'board', '--format', 'json', '--db', db]).stdout);
  });

  it('refuses without the token (401), bad input (400, naming the field) and an unknown product (404); records nothing', async () => {
    const before = (await recorded()).length;
    assert.equal((await post('board', GO, { 'content-type': 'application/json' })).status, 401);
    const bad: [unknown, RegExp, string | undefined][] = [
      [{ baseline: GO.baseline }, /^candidate: /, undefined],
      [{ ...GO, extra: 1 }, /extra/, undefined],
      [{ ...GO, asOf: '2024-02-30' }, /2024-02-30/, 'asOf'],
      [{ ...GO, baseline: `${GATE}/none` }, /no such file or directory/, 'baseline'],
      [{ ...GO, policy: { flakyBlocks: true } }, /flakyBlocks/, undefined],
      [{ ...NO_GO, knownIssues: `${GATE}/none.json` }, /cannot read the file/, 'knownIssues'],
    ];
    for (const [body, message, field] of bad) {
      const r = await post('board', body);
      assert.equal(r.status, 400, JSON.stringify(body));
      const answer = (await r.json()) as Json;
      assert.match(answer.error, message);
      if (field !== undefined) assert.equal(answer.field, field);
    }
    const unknown = await post('nope', GO);
    assert.equal(unknown.status, 404);
    assert.match(((await unknown.json()) as Json).error, /nope is not in the fleet/);
    assert.equal((await recorded()).length, before);
  });

  it('is in the OpenAPI document, with the body schema the route validates with', async () => {
    const spec = (await (await fetch(url('/api/v1/openapi.json'))).json()) as Json;
    const op = spec.paths['/products/{name}/gates'].post;
    assert.deepEqual(op.security, [{ bearer: [] }]);
    assert.deepEqual(op.requestBody.content['application/json'].schema.required, ['baseline', 'candidate']);
  });
});
