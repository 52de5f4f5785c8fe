/**
 * Whether the Kbuild files that name an object (or directory) prove it is not built. Evidence is a false
 * conditional around the line, or a gate that evaluated off (`obj-$(CONFIG_FOO)` with FOO unset). Clean-only lists
 * (`subdir- += boot`) prove nothing; targets named elsewhere (`extra-y`, `always-y`) make the answer unknown.
 */
import type { Mention } from './eval-makefile.js';
import type { KbuildEvaluation } from './evaluate-kbuild.js';
import { joinPath } from './tree-path.js';

export type Evidence =
  | { readonly kind: 'off'; readonly why: string }
  | { readonly kind: 'unknown'; readonly why: string }
  | { readonly kind: 'none' };

const OTHER_BUILD_RE = /^(extra-|always-|head-|hostprogs|userprogs|targets$|real-obj|lib-target|vdso)/;
const OBJECT_LIST_RE = /^(obj|lib|subdir|init|core|drivers|net|libs|virt)-/;
const COMPOSITE_RE = /^(.+)-(y|m|objs|n|)$/;

/** Describes a mention for messages: `drivers/foo/Makefile:12: obj-$(CONFIG_FOO)`. */
export function describeMention(m: Mention): string {
  const off = m.conditions
    .filter((c) => c.taken !== true)
    .map((c) => `${c.text} (${c.taken === null ? 'unknown' : 'not taken'})`);
  return `${m.file}:${m.line}: ${m.lhs}${m.name !== m.lhs ? ` (= ${m.name})` : ''}${off.length > 0 ? ` under ${off.join(', ')}` : ''}`;
}

/** Off/unknown/none evidence for a tree path (`x.o` or `dir/`) that the evaluation did not build. */
export function mentionEvidence(path: string, ev: KbuildEvaluation, seen: Set<string> = new Set()): Evidence {
  if (seen.has(path)) return { kind: 'unknown', why: `${path} is part of itself` };
  seen.add(path);
  let off: string | null = null;
  for (const m of ev.mentions.get(path) ?? []) {
    const e = judge(m, ev, seen);
    if (e.kind === 'unknown') return e;
    if (e.kind === 'off' && off === null) off = e.why;
  }
  return off === null ? { kind: 'none' } : { kind: 'off', why: off };
}

function judge(m: Mention, ev: KbuildEvaluation, seen: Set<string>): Evidence {
  if (OTHER_BUILD_RE.test(m.name)) {
    return m.active
      ? { kind: 'unknown', why: `named in ${describeMention(m)}, a target kgap does not follow` }
      : { kind: 'none' };
  }
  const list = OBJECT_LIST_RE.test(m.name);
  const composite = list ? null : COMPOSITE_RE.exec(m.name);
  const incomplete = ev.incomplete.get(m.dir);
  const judged = ((): Evidence => {
    const unsure = m.conditions.find((c) => c.taken === null);
    if (unsure !== undefined)
      return { kind: 'unknown', why: `${describeMention(m)}: ${unsure.text} cannot be evaluated` };
    // Named only under a false conditional, whatever the variable: the line that could build it is not read.
    if (!m.active) return m.conditions.length > 0 ? { kind: 'off', why: describeMention(m) } : { kind: 'none' };
    if (!list && composite === null) return { kind: 'none' }; // an intermediate variable: data, not a decision
    const suffix = list ? m.name.slice(m.name.indexOf('-') + 1) : (composite?.[2] ?? '');
    if (suffix === '' || suffix === 'n') {
      return m.gated ? { kind: 'off', why: describeMention(m) } : { kind: 'none' };
    }
    if (list) return { kind: 'unknown', why: `listed in ${describeMention(m)} but not reached by the build` };
    const whole = joinPath(m.dir, `${composite?.[1] ?? ''}.o`);
    if (ev.objects.has(whole)) {
      return { kind: 'unknown', why: `part of ${whole} via ${describeMention(m)}, which kgap cannot place` };
    }
    const parent = mentionEvidence(whole, ev, seen);
    if (parent.kind === 'off') return { kind: 'off', why: `part of ${whole}, not built: ${parent.why}` };
    // `foo-y` that no Kbuild file turns into `foo.o` is a list used elsewhere (`bar-objs := $(foo-y)`): data.
    return parent;
  })();
  if (judged.kind === 'off' && incomplete !== undefined) {
    return { kind: 'unknown', why: `${judged.why}; but ${incomplete[0] ?? 'the Makefile is incomplete'}` };
  }
  return judged;
}
