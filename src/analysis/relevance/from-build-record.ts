/**
 * A file against Kbuild's record of a real build (`--build-dir`): compiled or included there means built, with the
 * record's own module; absent from a finished build's record means not built, when the tree has the file.
 */
import type { BuildRecord, RecordedObject } from '../../domain/build-record.js';
import type { ClassifyContext, FileRelevance } from './file-relevance.js';
import { archOf } from './other-arch.js';

const archMemo = new WeakMap<BuildRecord, ReadonlySet<string>>();

/** The `arch/<a>/` trees the build compiled or included files of. */
function recordedArchs(record: BuildRecord): ReadonlySet<string> {
  let archs = archMemo.get(record);
  if (archs === undefined) {
    archs = new Set();
    for (const p of [...record.compiled.keys(), ...record.included.keys()]) {
      const a = archOf(p);
      if (a !== null) (archs as Set<string>).add(a);
    }
    archMemo.set(record, archs);
  }
  return archs;
}

/** Classifies a kernel path (not `not-kernel-code`) by the build record. */
export function fromBuildRecord(path: string, ctx: ClassifyContext, record: BuildRecord): FileRelevance {
  const compiled = record.compiled.get(path);
  if (compiled !== undefined) return recorded(path, compiled, `compiled as ${compiled.object}`);
  const included = record.included.get(path);
  if (included !== undefined) {
    return recorded(path, { object: included.object, module: included.module }, `included by ${included.object}`);
  }
  if (record.host.has(path)) {
    return {
      path,
      status: 'not-kernel-code',
      reason: 'compiled only as a host program of the build (a build tool), not into the kernel or a module',
    };
  }
  // A finished build that compiled and included nothing under arch/<a>/ never builds that architecture's code.
  const arch = archOf(path);
  if (arch !== null && !recordedArchs(record).has(arch)) {
    return {
      path,
      status: 'not-built',
      reason: `arch/${arch}/ is another architecture: the build record holds no file of it`,
    };
  }
  const files = ctx.model.files;
  if (files === null) {
    return {
      path,
      status: 'unknown',
      reason:
        'not in the build record; without the source tree kgap cannot tell a file the build skipped from one this version lacks',
    };
  }
  if (!files.has(path)) {
    return {
      path,
      status: 'unknown',
      reason: `not in the source tree ${ctx.model.source} (added or removed in another version?)`,
    };
  }
  return {
    path,
    status: 'not-built',
    reason: `neither compiled nor included by any compiled file in the build record (${record.source})`,
  };
}

function recorded(path: string, how: RecordedObject, what: string): FileRelevance {
  if (how.module !== null) {
    return { path, status: 'module', module: how.module, reason: `${what} for module ${how.module} (build record)` };
  }
  const as = how.builtinModule === undefined ? '' : `, module ${how.builtinModule} built in (modules.builtin)`;
  return { path, status: 'built-in', reason: `${what}, built into the kernel${as} (build record)` };
}
