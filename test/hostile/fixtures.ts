/**
 * Builders of hostile inputs: a small vulns repository and release file (so every case runs offline in a second),
 * a git tree whose config tries to run a program through every knob git offers, and tarballs with links, devices,
 * FIFOs and bombs. Markers: a program that runs leaves a file in `markers/`, which the cases assert stays empty.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cveJson, SyntheticVulnsRepo } from '../helpers/synthetic-vulns.js';

/** A title that tries terminal and markup injection: ESC sequences, a newline that forges a row, raw HTML. */
export const EVIL_TITLE =
  'net: fix \x1b]0;owned\x07\x1b[31mred\nCVE-2099-0001  10.0 forged row <img src=x onerror=alert(1)>';

/** A title with what JSON.stringify leaves raw: a C1 CSI (ESC [ in one byte), DEL, a right-to-left override. */
export const C1_TITLE = 'mm: third \u009b31mred\u007f \u202eevil';

const dyad = (intro: string, fix: string, c: string) => `${intro}:${'a'.repeat(40)}:${fix}:${c.repeat(40)}\n`;

/** A vulns repository of three records on branch 6.1 (one with the hostile title) and its release dates. */
export function smallVulnsRepo(dir: string): {
  vulnsRepo: string;
  releases: string;
  commit: SyntheticVulnsRepo['commit'];
  remove: () => void;
} {
  const repo = new SyntheticVulnsRepo();
  repo.commit(
    [
      { id: 'CVE-2024-0001', title: 'net: plain title', dyad: dyad('6.1', '6.1.100', 'b'), files: ['net/core/dev.c'] },
      { id: 'CVE-2024-0002', json: cveJson('CVE-2024-0002', EVIL_TITLE), dyad: dyad('6.1', '6.1.120', 'c') },
      { id: 'CVE-2024-0003', title: C1_TITLE, dyad: dyad('6.1', '6.1.150', 'd') },
    ],
    '2024-06-01T00:00:00Z',
  );
  const versions: Record<string, { name: string; date: string }> = {};
  for (let i = 1; i <= 160; i++)
    versions[`6.1.${i}`] = { name: `6.1.${i}`, date: `2024-${String(1 + (i % 12)).padStart(2, '0')}-01` };
  versions['6.1'] = { name: '6.1', date: '2022-12-11' };
  const releases = join(dir, 'releases.json');
  writeFileSync(releases, JSON.stringify({ releases: {}, versions }));
  return { vulnsRepo: repo.dir, releases, commit: (r, d, m) => repo.commit(r, d, m), remove: () => repo.remove() };
}

function git(dir: string, args: readonly string[], input?: string): string {
  return execFileSync('git', ['-C', dir, ...args], {
    encoding: 'utf8',
    input,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@e',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@e',
    },
  }).trim();
}

/**
 * A kernel-shaped git tree (Makefile 6.1.110, tag v6.1.110, a vendor commit, a signed commit) whose `.git/config`
 * and attributes name a program for every knob: textconv and external diff drivers, `diff.external`, smudge/clean
 * and process filters, gpg for `log.showSignature`, fsmonitor, hooks, pagers. Each writes `markers/<knob>`.
 */
export function hostileGitTree(dir: string): { tree: string; markers: string } {
  const tree = join(dir, 'tree');
  const markers = join(dir, 'markers');
  mkdirSync(markers, { recursive: true });
  const program = (knob: string) => {
    const path = join(dir, `run-${knob}.sh`);
    writeFileSync(path, `#!/bin/sh\ntouch '${markers}/${knob}'\nexit 0\n`);
    chmodSync(path, 0o755);
    return path;
  };
  execFileSync('git', ['init', '-q', '-b', 'master', tree]);
  writeFileSync(join(tree, 'Makefile'), 'VERSION = 6\nPATCHLEVEL = 1\nSUBLEVEL = 110\nEXTRAVERSION =\n');
  mkdirSync(join(tree, 'net', 'core'), { recursive: true });
  writeFileSync(join(tree, 'net', 'core', 'dev.c'), 'int x;\n');
  git(tree, ['add', '.']);
  git(tree, ['commit', '-qm', 'Linux 6.1.110']);
  git(tree, ['tag', 'v6.1.110']);
  writeFileSync(join(tree, 'net', 'core', 'dev.c'), 'int x;\nint y;\n');
  git(tree, ['commit', '-qam', 'net: vendor change without a marker']);
  // A commit with a signature header: `log.showSignature` makes git call gpg.program to check it.
  const head = git(tree, ['rev-parse', 'HEAD']);
  const signed = git(
    tree,
    ['hash-object', '-t', 'commit', '-w', '--stdin'],
    `tree ${git(tree, ['rev-parse', 'HEAD^{tree}'])}\nparent ${head}\nauthor t <t@e> 1700000000 +0000\ncommitter t <t@e> 1700000000 +0000\ngpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----\n\nsigned vendor commit\n`,
  );
  git(tree, ['update-ref', 'refs/heads/master', signed]);
  const config: [string, string][] = [
    ['diff.x.textconv', program('textconv')],
    ['diff.x.command', program('diff-driver')],
    ['diff.external', program('diff-external')],
    ['filter.x.smudge', program('smudge')],
    ['filter.x.clean', program('clean')],
    ['filter.y.process', program('filter-process')],
    ['filter.y.required', 'true'],
    ['log.showSignature', 'true'],
    ['gpg.program', program('gpg')],
    ['core.fsmonitor', program('fsmonitor')],
    ['core.pager', program('pager')],
    ['pager.log', program('pager-log')],
  ];
  for (const [k, v] of config) git(tree, ['config', k, v]);
  mkdirSync(join(tree, '.git', 'hooks'), { recursive: true });
  for (const hook of ['post-checkout', 'reference-transaction', 'post-index-change', 'pre-auto-gc', 'post-rewrite']) {
    const path = join(tree, '.git', 'hooks', hook);
    writeFileSync(path, `#!/bin/sh\ntouch '${markers}/hook-${hook}'\n`);
    chmodSync(path, 0o755);
  }
  writeFileSync(join(tree, '.git', 'info', 'attributes'), '* diff=x filter=x\n*.c filter=y\n');
  writeFileSync(join(tree, '.gitattributes'), '* diff=x filter=x\n');
  return { tree, markers };
}

/** True when this process can create device nodes (root): the device-member case needs `mknod`. */
export function canMknod(): boolean {
  return process.getuid?.() === 0;
}

/**
 * A source tarball with hostile members beside a real Makefile: `net/core/Makefile` a symlink to a host file
 * holding `secret`, `drivers/Makefile` a symlink to /dev/zero, a FIFO `fs/Makefile`, a character device (as root),
 * and names that climb out (`../escape`). Built with GNU tar from a staging directory.
 */
export function hostileTarball(dir: string, secretFile: string): string {
  const stage = join(dir, 'stage');
  const top = join(stage, 'linux-6.1.170');
  mkdirSync(join(top, 'net', 'core'), { recursive: true });
  mkdirSync(join(top, 'drivers'), { recursive: true });
  mkdirSync(join(top, 'fs'), { recursive: true });
  writeFileSync(join(top, 'Makefile'), 'VERSION = 6\nPATCHLEVEL = 1\nSUBLEVEL = 170\nobj-y += net/ drivers/ fs/\n');
  writeFileSync(join(top, 'net', 'Makefile'), 'obj-y += core/\n');
  symlinkSync(secretFile, join(top, 'net', 'core', 'Makefile'));
  symlinkSync('/dev/zero', join(top, 'drivers', 'Makefile'));
  spawnSync('mkfifo', [join(top, 'fs', 'Makefile')]);
  if (canMknod()) spawnSync('mknod', [join(top, 'fs', 'Kbuild'), 'c', '1', '5']);
  const out = join(dir, 'hostile.tar');
  execFileSync('tar', ['-cf', out, '-C', stage, 'linux-6.1.170']);
  // A member that climbs out of the extraction directory, appended under a crafted name.
  writeFileSync(join(stage, 'escape'), 'outside\n');
  execFileSync('tar', ['-rf', out, '-C', stage, '--transform', 's,^escape$,linux-6.1.170/../../escape,', 'escape']);
  return out;
}
