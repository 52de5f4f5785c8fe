/**
 * A header is compiled wherever it is included. Evidence, strongest first: it belongs to another architecture; the
 * `#include` graph of a full source tree (built when a built source includes it, not built when every including
 * chain ends in a source that is not built); it sits in a directory that is not built (weak: counts for its CVE
 * only beside a source that is not built). Without evidence it stays `header`, undecided.
 */
import { classifySource } from './classify-source.js';
import { directoryEvidence } from './directory-evidence.js';
import { type ClassifyContext, type FileRelevance, objectOf } from './file-relevance.js';
import type { IncludeEvidence } from './include-evidence.js';
import type { IncludeGraph } from './include-graph.js';
import { kbuildReferences } from './kbuild-references.js';
import { CROSS_ARCH_INCLUDES, isSiblingArch, otherArchOf, otherArchReason } from './other-arch.js';
import { dirOf } from './tree-path.js';

/** Classifies a `.h` path (the caller has ruled out non-kernel code and build records). */
export function classifyHeader(path: string, ctx: ClassifyContext): FileRelevance {
  const e = ctx.includes?.(path);
  const arch = otherArchOf(path, ctx.ev);
  if (arch !== null) {
    const other = otherArchReason(arch, ctx.ev);
    if (ctx.includeGraph !== undefined && e !== undefined) {
      // Only code outside arch/<a>/ can bring the header into this build, and only by an exact path (no Makefile
      // outside an architecture adds -I into one): without such an includer it is not built.
      if (e.kind === 'off' || !includedFromOutside(path, `arch/${arch}/`, ctx.includeGraph)) {
        return { path, status: 'not-built', reason: other };
      }
      return fromIncludes(path, e);
    }
    const includers = CROSS_ARCH_INCLUDES.get(path);
    if (includers !== undefined) return byKnownIncluders(path, includers, ctx, other);
    if (isSiblingArch(arch, ctx.ev)) {
      return {
        path,
        status: 'header',
        reason: `header of arch/${arch}/, which ${ctx.ev.srcarch} code may include by path; only a full source tree shows whether it does`,
      };
    }
    return { path, status: 'not-built', reason: other };
  }
  if (e !== undefined) {
    if (e.kind !== 'built' && kbuildReferences(ctx.ev).forcedIncludes.has(path)) {
      return {
        path,
        status: 'header',
        reason: 'forced into compiles by a Makefile (-include): kgap cannot tell which',
      };
    }
    if (e.kind !== 'none') return fromIncludes(path, e);
  }
  const dir = directoryEvidence(dirOf(path), ctx.ev, ctx.model);
  if (dir.kind === 'off' && ctx.builtObjects === undefined) {
    return {
      path,
      status: 'header',
      reason: `header in a directory that is not built: ${dir.why}`,
      inUnbuiltDir: true,
    };
  }
  const why =
    e?.kind === 'none'
      ? 'no file of the tree includes it by a name kgap resolves (a macro, or a -I path?)'
      : 'kgap traces #include only in a full source tree (this one has no C sources)';
  return { path, status: 'header', reason: `header: built wherever it is included; ${why}` };
}

/** True when a chain of exact includes reaches `path` from a file outside `prefix`. */
function includedFromOutside(path: string, prefix: string, graph: IncludeGraph): boolean {
  const seen = new Set([path]);
  const queue = [path];
  while (queue.length > 0) {
    for (const { file, weak } of graph.includers.get(queue.shift() as string) ?? []) {
      if (weak || seen.has(file)) continue;
      if (!file.startsWith(prefix)) return true;
      seen.add(file);
      queue.push(file);
    }
  }
  return false;
}

function fromIncludes(path: string, e: IncludeEvidence): FileRelevance {
  switch (e.kind) {
    case 'built': {
      const via = e.via.join(' <- ');
      return e.gate === 'y'
        ? { path, status: 'built-in', reason: `included by ${via}, built into the kernel` }
        : { path, status: 'module', module: e.module ?? '', reason: `included by ${via}, module ${e.module}` };
    }
    case 'off':
      return { path, status: 'not-built', reason: e.why };
    case 'unknown':
      return { path, status: 'header', reason: `header: ${e.why}` };
    default:
      return { path, status: 'header', reason: 'header: no file of the tree includes it' };
  }
}

/** Another architecture's header that shared code is known to include: its includers decide. */
function byKnownIncluders(
  path: string,
  includers: readonly string[],
  ctx: ClassifyContext,
  other: string,
): FileRelevance {
  for (const by of includers) {
    const object = objectOf(by);
    if (object === null) {
      return {
        path,
        status: 'header',
        reason: `${other}, but ${by} includes it by path: kgap cannot trace it further`,
      };
    }
    const r = classifySource(by, object, ctx);
    if (r.status === 'built-in' || r.status === 'module') {
      return { ...r, path, reason: `included by ${by} (${r.status === 'module' ? `module ${r.module}` : 'built-in'})` };
    }
    if (r.status !== 'not-built') return { path, status: 'header', reason: `included by ${by}: ${r.reason}` };
  }
  return { path, status: 'not-built', reason: `${other}; the shared code that includes it is not built either` };
}
