import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, constants, fstatSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';

// The compiled module beside this test (dist/src/cli/): the child imports it as the CLI does.
const MODULE = pathToFileURL(join(import.meta.dirname, 'stdout.js')).href;
const SIZE = 1 << 20; // far more than a pipe holds (64 KiB on Linux)
const TEXT = Array.from({ length: SIZE / 16 }, (_, i) => `${String(i).padStart(15, '0')}\n`).join('');
const SCRIPT = `import(${JSON.stringify(MODULE)}).then(async ({ writeStdout }) => {
  const text = Array.from({ length: ${SIZE / 16} }, (_, i) => String(i).padStart(15, '0') + '\\n').join('');
  process.stderr.write(await writeStdout(text));
});`;

const NONBLOCKING_LAUNCHER = [
  'import fcntl, os, sys',
  'fcntl.fcntl(1, fcntl.F_SETFL, fcntl.fcntl(1, fcntl.F_GETFL) | os.O_NONBLOCK)',
  'os.execv(sys.argv[1], sys.argv[1:])',
].join('\n');
const python = spawnSync('python3', ['-c', 'import fcntl'], { stdio: 'ignore' }).status === 0;

const scratch = mkdtempSync(join(tmpdir(), 'kgap-stdout-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function collect(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return new Promise((resolve, reject) => {
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.on('error', reject);
  });
}

describe('writeStdout', () => {
  const skip = python ? false : 'python3 absent: it makes the child stdout non-blocking (Node has no fcntl)';
  it('a full non-blocking pipe (EAGAIN): the rest goes through the stream, whole and in order', { skip }, async () => {
    const fifo = join(scratch, 'out');
    execFileSync('mkfifo', [fifo]);
    const readFd = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writeFd = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
    assert.ok(fstatSync(writeFd).isFIFO());
    // libuv makes a child's stdio blocking, so the child's own descriptor is made non-blocking by a launcher
    // (as a shell or a parent sharing the pipe can leave it), which then runs Node in its place.
    const child = spawn(
      'python3',
      ['-c', NONBLOCKING_LAUNCHER, process.execPath, '--input-type=module', '-e', SCRIPT],
      {
        stdio: ['ignore', writeFd, 'pipe'],
      },
    );
    closeSync(writeFd);
    const stderr = collect(child.stderr as NodeJS.ReadableStream);
    // Nobody reads yet: the child fills the pipe, and its next synchronous write is refused with EAGAIN.
    await sleep(700);
    const out = collect(new Socket({ fd: readFd, readable: true, writable: false }));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(await stderr, 'written');
    assert.equal(code, 0);
    const got = await out;
    assert.equal(got.length, TEXT.length);
    assert.ok(got === TEXT, 'the bytes arrive whole and in order');
  });

  it('a reader that has gone away (EPIPE): the outcome is "closed", not an error', async () => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', SCRIPT], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    const stderr = collect(child.stderr);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(await stderr, 'closed');
    assert.equal(code, 0);
  });
});
