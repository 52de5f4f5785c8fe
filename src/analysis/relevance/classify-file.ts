/** One source file against an evaluated Kbuild tree: built-in, module, not built, or why kgap cannot tell. */

import { classifyHeader } from './classify-header.js';
import { classifySource, sourceFromIncludes } from './classify-source.js';
import { directoryEvidence } from './directory-evidence.js';
import { type ClassifyContext, type FileRelevance, objectOf } from './file-relevance.js';
import { fromBuildRecord } from './from-build-record.js';
import { otherArchOf, otherArchReason } from './other-arch.js';
import { dirOf, normalizePath } from './tree-path.js';

export {
  type ClassifyContext,
  FILE_STATUSES,
  type FileRelevance,
  type FileStatus,
  objectOf,
} from './file-relevance.js';

const NOT_KERNEL_DIRS = new Set(['Documentation', 'tools', 'scripts', 'samples', 'LICENSES']);
const NOT_KERNEL_FILE_RE =
  /(^|\/)(Kconfig[^/]*|Makefile[^/]*|Kbuild[^/]*|MAINTAINERS|CREDITS|README[^/]*|COPYING)$|\.(rst|txt|yaml|json|sh|py|pl|awk|dts|dtsi|cocci)$/;

/** True for paths outside the kernel proper (tools, docs, build files). */
export function isNotKernelCode(path: string): boolean {
  return NOT_KERNEL_DIRS.has(path.split('/')[0] ?? '') || !path.includes('/') || NOT_KERNEL_FILE_RE.test(path);
}

/** Classifies one path from a CVE record's `programFiles`. */
export function classifyFile(rawPath: string, ctx: ClassifyContext): FileRelevance {
  const path = normalizePath(rawPath);
  if (isNotKernelCode(path)) return { path, status: 'not-kernel-code', reason: notKernelReason(path) };
  if (ctx.build !== undefined) return fromBuildRecord(path, ctx, ctx.build);
  if (path.endsWith('.h')) return classifyHeader(path, ctx);
  const object = objectOf(path);
  if (object === null) return otherFile(path, ctx);
  if (ctx.builtObjects !== undefined) return fromBuildList(path, object, ctx, ctx.builtObjects);
  const r = classifySource(path, object, ctx);
  if (r.unnamed !== true || ctx.includes === undefined) return r;
  return sourceFromIncludes(r, ctx.includes(path));
}

function notKernelReason(path: string): string {
  const top = path.split('/')[0] ?? '';
  if (NOT_KERNEL_DIRS.has(top)) return `${top}/ is not part of the kernel image or modules`;
  return !path.includes('/') ? 'a top-level file, not compiled code' : 'build, configuration or documentation file';
}

/** Linker scripts and other files that are not objects: not built under another architecture or a closed directory. */
function otherFile(path: string, ctx: ClassifyContext): FileRelevance {
  const a = otherArchOf(path, ctx.ev);
  if (a !== null) return { path, status: 'not-built', reason: otherArchReason(a, ctx.ev) };
  if (ctx.model.makefiles.size > 0 && (ctx.model.files === null || ctx.model.files.has(path))) {
    const dir = directoryEvidence(dirOf(path), ctx.ev, ctx.model);
    if (dir.kind === 'off')
      return { path, status: 'not-built', reason: `in a directory that is not built: ${dir.why}` };
  }
  return { path, status: 'unknown', reason: 'not a C, assembly or Rust source that kbuild compiles to an object' };
}

function fromBuildList(path: string, object: string, ctx: ClassifyContext, built: ReadonlySet<string>): FileRelevance {
  if (!built.has(object))
    return { path, status: 'not-built', reason: `${object} is not in the build's file list (--built-files)` };
  const inferred = ctx.ev.objects.get(object);
  if (inferred?.gate === 'm') {
    return {
      path,
      status: 'module',
      module: inferred.module ?? '',
      reason: `in the build's file list; module ${inferred.module} per Kbuild`,
    };
  }
  return { path, status: 'built-in', reason: "in the build's file list (--built-files)" };
}
