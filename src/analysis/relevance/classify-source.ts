/** Kbuild inference for one C, assembly or Rust source, and what the `#include` graph adds for unnamed ones. */
import { directoryEvidence } from './directory-evidence.js';
import type { ClassifyContext, FileRelevance } from './file-relevance.js';
import type { IncludeEvidence } from './include-evidence.js';
import { mentionEvidence } from './mention-evidence.js';
import { otherArchOf, otherArchReason } from './other-arch.js';
import { dirOf } from './tree-path.js';

/**
 * Kbuild inference alone for a C, assembly or Rust source. A source no Kbuild file names comes out `unknown` with
 * `unnamed` set: only the `#include` graph can place it.
 */
export function classifySource(path: string, object: string, ctx: ClassifyContext): FileRelevance {
  const { model, ev } = ctx;
  if (model.makefiles.size === 0) {
    return {
      path,
      status: 'unknown',
      reason: `no Kbuild files (${model.problems[0] ?? 'no source tree'}): pass --source with the kernel tree this config builds`,
    };
  }
  // Another architecture's file is never built, whether or not this version of the tree has it.
  const otherArch = otherArchOf(path, ev);
  if (otherArch !== null) return { path, status: 'not-built', reason: otherArchReason(otherArch, ev) };
  if (model.files !== null && !model.files.has(path)) {
    return {
      path,
      status: 'unknown',
      reason: `not in the source tree ${model.source} (added or removed in another version?)`,
    };
  }
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
  const dir = directoryEvidence(dirOf(path), ev, model);
  if (dir.kind === 'off') return { path, status: 'not-built', reason: dir.why };
  if (dir.kind === 'unknown') return { path, status: 'unknown', reason: dir.why };
  const incomplete = ev.incomplete.get(dirOf(path));
  if (incomplete?.[0] !== undefined) return { path, status: 'unknown', reason: incomplete[0] };
  return {
    path,
    status: 'unknown',
    unnamed: true,
    reason: `${object} is named by no Kbuild file of a built directory (#included by another file, or built by a rule kgap does not model?)`,
  };
}

/** A source no Kbuild file names, placed by the files that `#include` it. */
export function sourceFromIncludes(r: FileRelevance, e: IncludeEvidence): FileRelevance {
  const { path } = r;
  switch (e.kind) {
    case 'built':
      return e.gate === 'y'
        ? { path, status: 'built-in', reason: `#included by ${e.via.join(' <- ')}, built into the kernel` }
        : {
            path,
            status: 'module',
            module: e.module ?? '',
            reason: `#included by ${e.via.join(' <- ')}, module ${e.module}`,
          };
    case 'off':
      return { path, status: 'not-built', reason: `named by no Kbuild file, and ${e.why}` };
    case 'unknown':
      return { ...r, reason: `named by no Kbuild file; ${e.why}` };
    default:
      return r;
  }
}
