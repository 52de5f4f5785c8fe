/** One source file against an evaluated Kbuild tree: built-in, module, not built, or why kgap cannot tell. */

import type { KbuildModel } from '../../domain/kbuild-model.js';
import type { KbuildEvaluation } from './evaluate-kbuild.js';
import { type Evidence, mentionEvidence } from './mention-evidence.js';
import { dirOf, normalizePath } from './tree-path.js';

export const FILE_STATUSES = ['built-in', 'module', 'not-built', 'unknown', 'header', 'not-kernel-code'] as const;
export type FileStatus = (typeof FILE_STATUSES)[number];

export type FileRelevance = {
  readonly path: string;
  readonly status: FileStatus;
  /** The module (`.ko` name without extension) when `status` is `module`. */
  readonly module?: string;
  readonly reason: string;
  /** For a header: it sits in a directory that is not built (counts as not built for its CVE). */
  readonly inUnbuiltDir?: boolean;
};

const NOT_KERNEL_DIRS = new Set(['Documentation', 'tools', 'scripts', 'samples', 'LICENSES']);
const NOT_KERNEL_FILE_RE =
  /(^|\/)(Kconfig[^/]*|Makefile[^/]*|Kbuild[^/]*|MAINTAINERS|CREDITS|README[^/]*|COPYING)$|\.(rst|txt|yaml|json|sh|py|pl|awk|dts|dtsi|cocci)$/;
const SOURCE_RE = /\.(c|S|rs)$/;

/** The object kbuild makes from a source file (`a/b.c` -> `a/b.o`; `x.asn1` -> `x.asn1.o`), or null. */
export function objectOf(path: string): string | null {
  if (path.endsWith('.lds.S')) return null; // linker scripts are targets, not objects
  if (SOURCE_RE.test(path)) return path.replace(SOURCE_RE, '.o');
  if (path.endsWith('.asn1')) return `${path}.o`; // scripts/asn1_compiler output, listed as x.asn1.o
  return null;
}

export type ClassifyContext = {
  readonly model: KbuildModel;
  readonly ev: KbuildEvaluation;
  /** Object paths from `--built-files`, when given: the build's own word overrides Kbuild inference. */
  readonly builtObjects?: ReadonlySet<string>;
};

/** Classifies one path from a CVE record's `programFiles`. */
export function classifyFile(rawPath: string, ctx: ClassifyContext): FileRelevance {
  const path = normalizePath(rawPath);
  const top = path.split('/')[0] ?? '';
  if (NOT_KERNEL_DIRS.has(top) || !path.includes('/') || NOT_KERNEL_FILE_RE.test(path)) {
    return { path, status: 'not-kernel-code', reason: notKernelReason(path, top) };
  }
  const { model, ev } = ctx;
  if (path.endsWith('.h')) return header(path, ctx);
  const object = objectOf(path);
  if (object === null) {
    return { path, status: 'unknown', reason: 'not a C, assembly or Rust source that kbuild compiles to an object' };
  }
  if (ctx.builtObjects !== undefined) return fromBuildList(path, object, ctx, ctx.builtObjects);
  if (model.makefiles.size === 0) {
    return {
      path,
      status: 'unknown',
      reason: `no Kbuild files (${model.problems[0] ?? 'no source tree'}): pass --source with the kernel tree this config builds`,
    };
  }
  if (model.files !== null && !model.files.has(path)) {
    return {
      path,
      status: 'unknown',
      reason: `not in the source tree ${model.source} (added or removed in another version?)`,
    };
  }
  const otherArch = otherArchitecture(path, ev);
  if (otherArch !== null) return { path, status: 'not-built', reason: otherArch };
  const built = ev.objects.get(object);
  if (built !== undefined) {
    const via = built.composite === null ? built.makefile : `${built.composite} in ${built.makefile}`;
    return built.gate === 'y'
      ? { path, status: 'built-in', reason: `built into the kernel (${via})` }
      : { path, status: 'module', module: built.module ?? '', reason: `built as module ${built.module} (${via})` };
  }
  if (ev.unlinked.has(object)) {
    return {
      path,
      status: 'unknown',
      reason: 'in obj-y of a directory entered only for modules: compiled, linked nowhere kgap can see',
    };
  }
  const named = mentionEvidence(object, ev);
  if (named.kind === 'off') return { path, status: 'not-built', reason: named.why };
  if (named.kind === 'unknown') return { path, status: 'unknown', reason: named.why };
  const dir = directoryEvidence(dirOf(path), ev);
  if (dir.kind === 'off') return { path, status: 'not-built', reason: dir.why };
  if (dir.kind === 'unknown') return { path, status: 'unknown', reason: dir.why };
  const incomplete = ev.incomplete.get(dirOf(path));
  return {
    path,
    status: 'unknown',
    reason:
      incomplete?.[0] ??
      `${object} is named by no Kbuild file of a built directory (#included by another file, or built by a rule kgap does not model?)`,
  };
}

function notKernelReason(path: string, top: string): string {
  if (NOT_KERNEL_DIRS.has(top)) return `${top}/ is not part of the kernel image or modules`;
  return !path.includes('/') ? 'a top-level file, not compiled code' : 'build, configuration or documentation file';
}

/** `arch/arm/...` when the config is for x86: never built, whatever the Makefiles say. */
function otherArchitecture(path: string, ev: KbuildEvaluation): string | null {
  const m = /^arch\/([^/]+)\//.exec(path);
  if (m?.[1] === undefined || ev.srcarch === 'unknown' || m[1] === ev.srcarch || m[1] === ev.subarch) return null;
  return `arch/${m[1]}/ is another architecture (the config is for ${ev.srcarch})`;
}

/**
 * Why a directory is (not) built: the nearest ancestor kbuild visits decides for the child on the way down. A child
 * it gates off is evidence; a child it never names is not (kbuild may reach it by an explicit rule).
 */
export function directoryEvidence(dir: string, ev: KbuildEvaluation): Evidence {
  if (ev.dirs.has(dir)) return { kind: 'none' };
  const parts = dir.split('/');
  let ancestor = '';
  let below = parts.length;
  for (let i = parts.length - 1; i >= 0; i--) {
    if (ev.dirs.has(parts.slice(0, i).join('/'))) {
      ancestor = parts.slice(0, i).join('/');
      below = i;
      break;
    }
  }
  // Every path between the visited ancestor and the file's directory may be named (`obj-y += a/b/`): any named one
  // that is off proves the route closed; a route kgap cannot judge makes the answer unknown.
  let off: Evidence | null = null;
  for (let i = parts.length; i > below; i--) {
    const path = parts.slice(0, i).join('/');
    const e = mentionEvidence(`${path}/`, ev);
    if (e.kind === 'unknown') return e;
    if (e.kind === 'off' && off === null) off = e;
    const arch = ev.otherArchDirs.get(path);
    if (off === null && arch !== undefined) {
      off = { kind: 'off', why: `${path}/ is linked only by arch/${arch}/Makefile (the config is for ${ev.srcarch})` };
    }
  }
  if (off !== null) return off;
  const child = parts.slice(0, below + 1).join('/');
  const incomplete = ev.incomplete.get(ancestor);
  return {
    kind: 'unknown',
    why:
      incomplete?.[0] ??
      `${child}/ is not reached by kbuild's descent from ${ancestor || 'the top'}/ (built by an explicit rule?)`,
  };
}

function header(path: string, ctx: ClassifyContext): FileRelevance {
  const dir = directoryEvidence(dirOf(path), ctx.ev);
  if (dir.kind === 'off' && ctx.builtObjects === undefined) {
    return {
      path,
      status: 'header',
      reason: `header in a directory that is not built: ${dir.why}`,
      inUnbuiltDir: true,
    };
  }
  return { path, status: 'header', reason: 'header: built wherever it is included; kgap does not trace #include' };
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
