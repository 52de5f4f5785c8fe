/**
 * Classifies one (prefix-stripped) line of KTAP / TAP output. Follows the KTAP v1 spec
 * (Documentation/dev-tools/ktap.rst) and TAP 13/14: version, plan, result, `# Subtest:` header (TAP 14 and
 * KUnit), `Bail out!`; anything else is a diagnostic or an unknown line, which KTAP allows anywhere.
 */
import type { TestStatus } from '../../analysis/gate/test-result.js';

export type KtapLine =
  | { readonly kind: 'version' }
  | { readonly kind: 'plan'; readonly count: number }
  | {
      readonly kind: 'result';
      readonly number: number | null;
      readonly description: string;
      readonly status: TestStatus;
      readonly detail: string;
    }
  | { readonly kind: 'subtest'; readonly name: string }
  | { readonly kind: 'bail'; readonly reason: string };

const VERSION_RE = /^K?TAP version \d+\s*$/;
const PLAN_RE = /^1\.\.(\d+)\s*(?:#.*)?$/;
const RESULT_RE = /^(not ok|ok)(?:[ \t]+(\d+))?(?:[ \t]+(.*))?$/;
const SUBTEST_RE = /^# Subtest:?[ \t]*(.*)$/;
const DIRECTIVE_RE = /^(skip\w*|todo|xfail|timeout|error)\b[ \t:]*(.*)$/i;

/** Classifies `content` (indentation and `# ` nesting already removed); null for diagnostics and unknown lines. */
export function classifyKtapLine(content: string): KtapLine | null {
  const c = content.charCodeAt(0);
  if (c === 111 /* o */ || c === 110 /* n */) {
    const m = RESULT_RE.exec(content.trimEnd());
    return m ? resultLine(m[1] === 'ok', m[2], m[3] ?? '') : null;
  }
  if (c === 75 /* K */ || c === 84 /* T */) return VERSION_RE.test(content) ? { kind: 'version' } : null;
  if (c === 49 /* 1 */) {
    const m = PLAN_RE.exec(content);
    return m ? { kind: 'plan', count: Number(m[1]) } : null;
  }
  if (c === 35 /* # */) {
    const m = SUBTEST_RE.exec(content);
    return m ? { kind: 'subtest', name: (m[1] ?? '').trim() } : null;
  }
  if (c === 66 /* B */ && content.startsWith('Bail out!')) return { kind: 'bail', reason: content.slice(9).trim() };
  return null;
}

function resultLine(ok: boolean, num: string | undefined, rest: string): KtapLine {
  const { description, comment } = splitComment(rest);
  const d = DIRECTIVE_RE.exec(comment);
  const directive = d?.[1]?.toLowerCase() ?? '';
  const detail = d ? (d[2] ?? '') : comment;
  return {
    kind: 'result',
    number: num === undefined ? null : Number(num),
    // TAP writes `ok 1 - name`; KTAP `ok 1 name`. The dash is punctuation, not part of the name.
    description: description.replace(/^-\s*/, '').trim(),
    status: statusOf(ok, directive),
    detail: detail.trim(),
  };
}

/** TAP 14: ` # ` starts the directive/comment; `\#` is a literal hash inside a description. */
function splitComment(rest: string): { description: string; comment: string } {
  let i = rest.indexOf('#');
  while (i > 0 && rest[i - 1] === '\\') i = rest.indexOf('#', i + 1);
  if (i === -1) return { description: rest.replace(/\\#/g, '#'), comment: '' };
  return { description: rest.slice(0, i).replace(/\\#/g, '#'), comment: rest.slice(i + 1).trim() };
}

/**
 * SKIP wins over ok/not ok (the spec allows both). TODO on a failure is an expected failure; on a pass it is
 * a pass. TIMEOUT and ERROR are failures of their own kind. Unknown directives fall back to ok / not ok, as
 * the spec asks.
 */
function statusOf(ok: boolean, directive: string): TestStatus {
  if (directive.startsWith('skip')) return 'skip';
  if (directive === 'xfail') return ok ? 'xfail' : 'fail';
  if (directive === 'todo') return ok ? 'pass' : 'xfail';
  if (!ok && directive === 'timeout') return 'timeout';
  if (!ok && directive === 'error') return 'error';
  return ok ? 'pass' : 'fail';
}
