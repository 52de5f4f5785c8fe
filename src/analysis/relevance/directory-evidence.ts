/** Why a directory is (not) built: what the Kbuild files on the way down from the nearest reached directory say. */
import type { KbuildModel } from '../../domain/kbuild-model.js';
import type { KbuildEvaluation } from './evaluate-kbuild.js';
import { kbuildFile } from './evaluate-kbuild.js';
import { kbuildReferences } from './kbuild-references.js';
import { type Evidence, mentionEvidence } from './mention-evidence.js';

/**
 * The nearest ancestor kbuild visits decides for the child on the way down. A child it gates off is evidence; so is
 * a child that no Kbuild file read for this config can name (kbuild never enters it: `drivers/gpu/drm/amd/` when
 * only the unset `obj-$(CONFIG_DRM_AMDGPU) += amd/amdgpu/` names anything below it). A child that a read file's rule
 * or recipe may name (`$(obj)/rm/realmode.bin`, `$(build)=arch/x86/boot`) stays unknown.
 */
export function directoryEvidence(dir: string, ev: KbuildEvaluation, model: KbuildModel): Evidence {
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
  if (incomplete !== undefined) return { kind: 'unknown', why: incomplete[0] ?? `${ancestor}/ is incomplete` };
  const refs = kbuildReferences(ev);
  for (let i = below + 1; i <= parts.length; i++) {
    if (refs.mayName(parts.slice(0, i).join('/'), ancestor)) {
      return {
        kind: 'unknown',
        why: `${child}/ is not reached by kbuild's descent from ${ancestor || 'the top'}/, but a Makefile kbuild reads names a path in it (built by an explicit rule?)`,
      };
    }
  }
  // Only a directory with its own Kbuild file is a place kbuild enters: files of a directory without one are compiled
  // from a parent's object list or #included (wireguard/selftest/*.c), which only the sources show.
  for (let i = below + 1; i <= parts.length; i++) {
    const route = parts.slice(0, i).join('/');
    const own = kbuildFile(model, route);
    if (own !== null && !ev.readMakefiles.has(own.path)) {
      return {
        kind: 'off',
        why: `${route}/ is never entered: kbuild reads no Makefile that names it, so it never reads ${own.path}`,
      };
    }
  }
  return {
    kind: 'unknown',
    why: `${child}/ is not reached by kbuild's descent from ${ancestor || 'the top'}/ and has no Makefile of its own (compiled from another directory's list, or #included?)`,
  };
}
