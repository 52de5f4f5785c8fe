import { compareKernelVersions, formatKernelVersion, type KernelVersion } from '../../domain/kernel-version.js';

/** What a reader of the record should know about its inputs (pure). */
export function planNotes(o: {
  readonly merges: number;
  readonly range: string;
  readonly makefile: { readonly text: string; readonly version: string | null };
  readonly base: { readonly version: KernelVersion; readonly tag: string };
  readonly target: KernelVersion;
  /** The newest release of the branch in the release data. */
  readonly latest: { readonly name: string; readonly version: KernelVersion } | null;
}): string[] {
  const notes: string[] = [];
  if (o.merges > 0) {
    const one = o.merges === 1;
    notes.push(
      `${o.merges} merge commit${one ? '' : 's'} in ${o.range} ${one ? 'is' : 'are'} not a patch and not replayed`,
    );
  }
  if (o.makefile.version !== formatKernelVersion(o.base.version))
    notes.push(`the Makefile says ${o.makefile.text}; the base is the release tag ${o.base.tag}`);
  if (o.latest && compareKernelVersions(o.target, o.latest.version) > 0)
    notes.push(
      `${formatKernelVersion(o.target)} is newer than the release data (latest ${o.latest.name}): the CVE data may not know its fixes yet`,
    );
  return notes;
}
