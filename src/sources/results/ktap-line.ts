/**
 * Classifies one (prefix-stripped) line of KTAP / TAP output. Follows the KTAP v1 spec
 * (Documentation/dev-tools/ktap.rst) and TAP 13/14: version, plan, result, `# Subtest:` header (TAP 14 and
 * KUnit), `Bail out!`; anything else is a diagnostic or an unknown line, which KTAP allows anywhere.
 */
import type { TestStatus } from '../../domain/test-result.js';

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
const SUBTEST_RE = /^# Subtest:?[ \t]*(.*)$/;
const DIRECTIVE_RE = /^(skip\w*|todo|xfail|timeout|error)\b[ \t:]*(.*)$/i;

/** Classifies `content` (indentation and `# ` nesting already removed); null for diagnostics and unknown lines. */
export function classifyKtapLine(content: string): KtapLine | null {
  const c = content.charCodeAt(0);
  if (c === 111 /* o */ || c === 110 /* n */) return resultLine(content);
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

const isSpace = (code: number): boolean => code === 32 || code === 9;

/**
 * `ok|not ok [number] [description] [# directive reason]`, scanned by hand: this runs on every result line
 * of a million-line log, and a regex with captures allocates for each.
 */
function resultLine(content: string): KtapLine | null {
  const ok = content.startsWith('ok');
  if (!ok && !content.startsWith('not ok')) return null;
  let i = ok ? 2 : 6;
  if (i < content.length && !isSpace(content.charCodeAt(i))) return null;
  while (i < content.length && isSpace(content.charCodeAt(i))) i++;
  let j = i;
  while (j < content.length && content.charCodeAt(j) >= 48 && content.charCodeAt(j) <= 57) j++;
  let number: number | null = null;
  // Digits followed by text (`ok 1test`) are the description, not a number.
  if (j > i && (j === content.length || isSpace(content.charCodeAt(j)))) {
    number = Number(content.slice(i, j));
    i = j;
  }
  const { description, comment } = splitComment(content.slice(i));
  const d = comment === '' ? null : DIRECTIVE_RE.exec(comment);
  const directive = d?.[1]?.toLowerCase() ?? '';
  const detail = d ? (d[2] ?? '') : comment;
  return {
    kind: 'result',
    number,
    description: cleanDescription(description),
    status: statusOf(ok, directive),
    detail: detail.trim(),
  };
}

/** TAP writes `ok 1 - name`; KTAP `ok 1 name`. The dash is punctuation, not part of the name. */
function cleanDescription(text: string): string {
  let t = text.trim();
  if (t.charCodeAt(0) === 45 /* - */) t = t.slice(1).trimStart();
  return t;
}

/** TAP 14: ` # ` starts the directive/comment; `\#` is a literal hash inside a description. */
function splitComment(rest: string): { description: string; comment: string } {
  let i = rest.indexOf('#');
  while (i > 0 && rest[i - 1] === '\\') i = rest.indexOf('#', i + 1);
  const description = i === -1 ? rest : rest.slice(0, i);
  const comment = i === -1 ? '' : rest.slice(i + 1).trim();
  return { description: description.includes('\\#') ? description.replace(/\\#/g, '#') : description, comment };
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
