import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';

/** A file change of a commit: write `content` at `path`, or delete `path`. */
export type FileChange =
  | { readonly path: string; readonly content: string }
  | { readonly path: string; readonly delete: true };

export type CommitSpec = {
  readonly ref: string;
  readonly message: string;
  readonly changes?: readonly FileChange[];
  /** Parent: a mark (`:12`) or a commit id; only for the first commit of a ref in a stream. */
  readonly from?: string;
};

const IDENT = 'Kgap Generator <gen@kgap.invalid>';

/**
 * A `git fast-import` stream into a repository: commits get marks (returned), dates advance one minute per commit
 * from `startTime`, so the same input always makes the same commit ids.
 */
export class FastImport {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly closed: Promise<number | null>;
  private nextMark = 1;
  private time: number;
  private stderr = '';
  commits = 0;

  constructor(
    repo: string,
    private readonly marksFile: string,
    startTime: number,
  ) {
    this.time = startTime;
    this.child = spawn('git', ['fast-import', '--quiet', '--done', `--export-marks=${marksFile}`], {
      cwd: repo,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stderr.on('data', (b: Buffer) => {
      this.stderr += b.toString();
    });
    this.child.stdout.resume();
    this.closed = new Promise((resolve) => this.child.on('close', resolve));
  }

  /** The commit time the next commit gets (unix seconds). */
  get clock(): number {
    return this.time;
  }

  private async write(text: string): Promise<void> {
    if (!this.child.stdin.write(text)) await once(this.child.stdin, 'drain');
  }

  /** Adds a commit; returns its mark (`:N`). */
  async commit(spec: CommitSpec): Promise<string> {
    const mark = `:${this.nextMark++}`;
    this.time += 60;
    this.commits++;
    const msg = Buffer.byteLength(spec.message);
    let text = `commit ${spec.ref}\nmark ${mark}\nauthor ${IDENT} ${this.time} +0000\ncommitter ${IDENT} ${this.time} +0000\ndata ${msg}\n${spec.message}\n`;
    if (spec.from) text += `from ${spec.from}\n`;
    for (const c of spec.changes ?? []) {
      if ('delete' in c) text += `D ${c.path}\n`;
      else text += `M 100644 inline ${c.path}\ndata ${Buffer.byteLength(c.content)}\n${c.content}\n`;
    }
    await this.write(`${text}\n`);
    return mark;
  }

  /** Points a ref (a lightweight tag or a branch) at a mark or commit id. */
  async reset(ref: string, from: string): Promise<void> {
    await this.write(`reset ${ref}\nfrom ${from}\n\n`);
  }

  /** Ends the stream; returns mark -> commit id. */
  async finish(): Promise<Map<string, string>> {
    await this.write('done\n');
    this.child.stdin.end();
    const code = await this.closed;
    if (code !== 0) throw new Error(`git fast-import failed (${code}): ${this.stderr.trim()}`);
    const marks = new Map<string, string>();
    for (const line of (await readFile(this.marksFile, 'utf8')).split('\n')) {
      const [mark, sha] = line.split(' ');
      if (mark && sha) marks.set(mark, sha);
    }
    return marks;
  }
}
