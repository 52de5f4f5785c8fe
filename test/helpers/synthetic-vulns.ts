import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A record to commit into a synthetic vulns repository; `json: null` writes a corrupt `.json`. */
export type SyntheticRecord = {
  readonly id: string;
  readonly title?: string;
  readonly dyad?: string;
  readonly sha1?: string;
  readonly cvss?: string;
  readonly json?: string | null;
  readonly files?: readonly string[];
};

/** Minimal CVE JSON 5 record as the kernel CNA writes it. */
export function cveJson(
  id: string,
  title: string,
  files: readonly string[] = ['net/core/dev.c'],
  score?: number,
): string {
  return JSON.stringify({
    dataType: 'CVE_RECORD',
    cveMetadata: { cveId: id, state: 'PUBLISHED', assignerOrgId: 'f4215fc3-5b6b-47ff-a258-f7189bd81038' },
    containers: {
      cna: {
        title,
        descriptions: [
          { lang: 'en', value: `In the Linux kernel, the following vulnerability has been resolved:\n\n${title}` },
        ],
        ...(score === undefined
          ? {}
          : {
              metrics: [
                {
                  cvssV3_1: {
                    version: '3.1',
                    baseScore: score,
                    vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H',
                  },
                },
              ],
            }),
        affected: [{ product: 'Linux', vendor: 'Linux', programFiles: files }],
      },
    },
  });
}

function git(dir: string, args: string[], date?: string): void {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 't',
    GIT_AUTHOR_EMAIL: 't@example.org',
    GIT_COMMITTER_NAME: 't',
    GIT_COMMITTER_EMAIL: 't@example.org',
  };
  if (date) Object.assign(env, { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
  execFileSync('git', ['-C', dir, ...args], { env, stdio: 'pipe' });
}

/** A throwaway vulns-shaped git repository: commit batches of records with chosen dates. */
export class SyntheticVulnsRepo {
  readonly dir: string;
  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'kgap-synth-vulns-'));
    git(this.dir, ['init', '-q', '-b', 'master']);
  }

  /** Writes the records' files and commits them at `date` (ISO 8601). */
  commit(records: readonly SyntheticRecord[], date: string, message = 'publish'): void {
    for (const r of records) {
      const year = r.id.split('-')[1] ?? '2024';
      const base = join(this.dir, 'cve', 'published', year, r.id);
      mkdirSync(dirname(base), { recursive: true });
      writeFileSync(
        `${base}.json`,
        r.json === null ? '{ not json' : (r.json ?? cveJson(r.id, r.title ?? `fix ${r.id}`, r.files)),
      );
      writeFileSync(`${base}.dyad`, r.dyad ?? '');
      writeFileSync(`${base}.sha1`, r.sha1 ?? '');
      writeFileSync(`${base}.mbox`, 'From: mbox files are ignored\n');
      if (r.cvss) writeFileSync(`${base}.cvss`, r.cvss);
    }
    git(this.dir, ['add', '-A']);
    git(this.dir, ['commit', '-q', '-m', message], date);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
