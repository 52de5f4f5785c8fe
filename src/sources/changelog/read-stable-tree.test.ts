import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseKernelVersion } from '../../domain/kernel-version.js';
import { UserError } from '../../domain/user-error.js';
import { readStableTreeRange } from './read-stable-tree.js';

// A miniature linux-stable: each release is a few fixes and a tagged "Linux 6.1.N" commit, like the real tree.
const RELEASES: [string, string[]][] = [
  ['6.1.1', ['mm: first fix']],
  ['6.1.2', ['net: fix a leak', 'ext4: fix a race']],
  ['6.1.3', ['x86/bugs: fix it']],
];

describe('readStableTreeRange on a real git repository', () => {
  let dir = '';
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@t',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@t',
      },
    });
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'kgap-stable-'));
    git('init', '-q');
    let n = 0;
    for (const [release, fixes] of RELEASES) {
      for (const subject of fixes) {
        writeFileSync(join(dir, 'file'), String(n++));
        git('add', 'file');
        git('commit', '-q', '-m', subject);
      }
      writeFileSync(join(dir, 'Makefile'), release);
      git('add', 'Makefile');
      git('commit', '-q', '-m', `Linux ${release}`);
      git('tag', `v${release}`);
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lists the fixes in vFROM..vTO by release, without the "Linux X.Y.Z" commits', async () => {
    const range = await readStableTreeRange(dir, {
      from: parseKernelVersion('6.1.1')!,
      to: parseKernelVersion('6.1.3')!,
    });
    assert.deepEqual(
      range.commits.map((c) => [c.release, c.subject]),
      [
        ['6.1.3', 'x86/bugs: fix it'],
        ['6.1.2', 'ext4: fix a race'],
        ['6.1.2', 'net: fix a leak'],
      ],
    );
    const head = git('rev-parse', 'v6.1.3~1').trim();
    assert.equal(range.commits[0]?.sha, head);
    // git's own count includes the two release commits.
    assert.equal(Number(git('rev-list', '--count', 'v6.1.1..v6.1.3').trim()), range.commits.length + 2);
  });

  it('refuses a tree without the tag, in one line', async () => {
    await assert.rejects(
      readStableTreeRange(dir, { from: parseKernelVersion('6.1.1')!, to: parseKernelVersion('6.1.9')! }),
      (e: unknown) => e instanceof UserError && /has no tag v6\.1\.9/.test(e.message),
    );
  });

  it('refuses a directory that is not a git repository', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'kgap-notgit-'));
    try {
      await assert.rejects(
        readStableTreeRange(empty, { from: parseKernelVersion('6.1.1')!, to: parseKernelVersion('6.1.3')! }),
        (e: unknown) => e instanceof UserError && /stable tree/.test(e.message),
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
