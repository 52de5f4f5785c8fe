/**
 * `POST /api/v1/products/{name}/gates`: `kgap fleet gate` through the API, on the gate tests' real fixture scenario
 * (test/fixtures/results/gate), with the results as paths on the server and as files sent along. Needs no shared
 * data: the product is registered by version and the gate reads only the result files.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { GATE, NO_GO as NO_GO_ARGS } from './helpers/fleet-gate-contract.js';
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
/** `kgap gate` itself on the no-go scenario (the same inputs as NO_GO, as flags). */
const noGoByCli = () => runCli(['gate', ...NO_GO_ARGS, '--format', 'json']);
/** Under this limit the fixture's sides fit and a 1 MiB file does not. */
const UPLOAD_LIMIT = 1024 * 1024;

/** A directory's files by relative name, with their text: a side as a pipeline would send it. */
function filesOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out[relative(dir, join(e.parentPath, e.name))] = readFileSync(join(e.parentPath, e.name), 'utf8');
  }
  return out;
}

describe('POST /api/v1/products/{name}/gates', () => {
  const dir = mkdtempSync(join(process.env.TMPDIR || tmpdir(), 'kgap-serve-gate-'));
  const db = join(dir, 'fleet.db');
  // The server's temporary directory: uploads are staged here and must be gone after every request.
  const serverTmp = join(dir, 'tmp');
  mkdirSync(serverTmp);
  let server: ServeProcess | null = null;
  const url = (path: string) => `${server?.url}${path}`;
  const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  const post = (name: string, body: unknown, headers: Record<string, string> = auth) =>
    fetch(url(`/api/v1/products/${name}/gates`), { method: 'POST', headers, body: JSON.stringify(body) });
  const recorded = async () =>
    ((await (await fetch(url('/api/v1/products/board/gates'))).json()) as Json).gates as Json[];

  before(async () => {
    assert.equal(runCli(['fleet', 'add', 'board', '--version', '6.1.170', '--db', db]).code, 0);
    server = await startServe(['--db', db, '--cache-dir', join(dir, 'cache')], {
      KGAP_TOKEN: TOKEN,
      TMPDIR: serverTmp,
      KGAP_MAX_UPLOAD_BYTES: String(UPLOAD_LIMIT),
    });
  });
  after(async () => server?.stop());

  it("answers kgap gate's JSON, byte for byte, and records the run whatever the verdict", async () => {
    const noGo = await post('board', NO_GO);
    assert.equal(noGo.status, 201);
    assert.equal(noGo.headers.get('location'), '/api/v1/products/board/gates');
    const plain = noGoByCli();
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

  it('takes the result files themselves: the same report, the sides named by their labels, nothing left behind', async () => {
    const plain = JSON.parse(noGoByCli().stdout);
    const sent = {
      baseline: { label: '6.1.110 lab run 17', files: filesOf(NO_GO.baseline) },
      candidate: { files: filesOf(NO_GO.candidate) },
      knownIssues: { text: readFileSync(NO_GO.knownIssues, 'utf8') },
      asOf: NO_GO.asOf,
    };
    assert.ok(Object.keys(sent.candidate.files).includes('run2/kunit.ktap'), 'the fixture has runs in subdirectories');
    const r = await post('board', sent);
    assert.equal(r.status, 201);
    const text = await r.text();
    assert.doesNotMatch(text, /kgap-upload-/);
    const report = JSON.parse(text);
    const files = Object.keys(sent.candidate.files).length;
    assert.deepEqual([report.baseline.path, report.candidate.path], ['6.1.110 lab run 17', `upload (${files} files)`]);
    assert.deepEqual(
      { ...report, baseline: { ...report.baseline, path: '' }, candidate: { ...report.candidate, path: '' } },
      { ...plain, baseline: { ...plain.baseline, path: '' }, candidate: { ...plain.candidate, path: '' } },
    );
    const newest = (await recorded())[0];
    assert.deepEqual([newest?.baseline, newest?.candidate], ['6.1.110 lab run 17', `upload (${files} files)`]);
    assert.deepEqual(newest?.reasons, plain.reasons);
    assert.deepEqual(readdirSync(serverTmp), []);
  });

  it('refuses names that leave their side, clashing names and a body over KGAP_MAX_UPLOAD_BYTES (after the token)', async () => {
    const before = (await recorded()).length;
    const side = (files: Record<string, string>) => ({ ...GO, candidate: { files } });
    for (const [body, message] of [
      [side({ '../escape.ktap': 'TAP version 14\n' }), /^candidate\.files: "\.\.\/escape\.ktap": a relative file name/],
      [side({ '.hidden/kunit.ktap': 'x' }), /a relative file name/],
      [side({ 'a//kunit.ktap': 'x' }), /a relative file name/],
      [side({}), /from 1 to 10,000 files/],
      [{ ...GO, candidate: { files: { a: 'x' }, label: 'line\nbreak' } }, /printable text/],
    ] as [unknown, RegExp][]) {
      const r = await post('board', body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.match(((await r.json()) as Json).error, message);
    }
    const clash = await post('board', side({ run: 'x', 'run/kunit.ktap': 'TAP version 14\n1..0\n' }));
    assert.equal(clash.status, 400);
    assert.deepEqual(await clash.json(), {
      error: "candidate run/kunit.ktap: clashes with another file sent (one is named as the other's directory)",
      field: 'candidate',
    });
    const nothing = await post('board', side({ 'notes.md': 'no results here\n' }));
    assert.equal(nothing.status, 400);
    assert.match(((await nothing.json()) as Json).error, /^candidate upload \(1 file\): no test results/);
    const big = side({ 'big.log': 'x'.repeat(UPLOAD_LIMIT) });
    assert.equal((await post('board', big, { 'content-type': 'application/json' })).status, 401);
    const tooBig = await post('board', big);
    assert.equal(tooBig.status, 413);
    assert.match(
      ((await tooBig.json()) as Json).error,
      /^the body is larger than 1048576 bytes \(KGAP_MAX_UPLOAD_BYTES/,
    );
    assert.equal(tooBig.headers.get('connection'), 'close', 'the unread body must not be taken for the next request');
    assert.equal((await fetch(url('/api/v1/products/board/gates'))).status, 200);
    assert.equal((await recorded()).length, before);
    assert.deepEqual(readdirSync(serverTmp), []);
  });

  it('is in the OpenAPI document, with the body schema the route validates with', async () => {
    const spec = (await (await fetch(url('/api/v1/openapi.json'))).json()) as Json;
    const op = spec.paths['/products/{name}/gates'].post;
    assert.deepEqual(op.security, [{ bearer: [] }]);
    assert.deepEqual(op.requestBody.content['application/json'].schema.required, ['baseline', 'candidate']);
  });
});
