/**
 * KTAP v1, TAP 13/14, KUnit and kselftest output -> one run of `suite/sub/test` results.
 *
 * A stack of open blocks follows the nesting (see ktap-block.ts). Unknown lines (console noise) are ignored,
 * as KTAP allows. Output that stops inside a block, short of its plan, or at a top-level `Bail out!` is a run
 * that ended early: the usual trace of a kernel crash.
 */
import { capDetail, type ResultRun, type TestResult } from '../../domain/test-result.js';
import { consolePrefixEnd, forEachLineRange } from './console-line.js';
import {
  adoptUnterminated,
  type Block,
  type Collected,
  checkPlan,
  newBlock,
  prefixResults,
  rememberDiagnostic,
  uniqueName,
} from './ktap-block.js';
import type { KtapLine } from './ktap-line.js';
import { HASH_WEIGHT, type LinePosition, positionKtapRange } from './ktap-position.js';

type ResultLine = Extract<KtapLine, { kind: 'result' }>;

type State = {
  readonly stack: Block[];
  readonly root: Block;
  readonly results: Collected[];
  endedEarly: string | null;
  /** The last kselftest runner announcement (`# selftests: net: tls`) before the output started. */
  announced: string | null;
  readonly problems: string[];
};

// kselftest's runner announces each program as `# selftests: <collection>: <program>` before its nested TAP and
// names it the same way in the result line that follows (`ok 1 selftests: net: tls`).
const ANNOUNCE_RE = /^(?:#\s*)+(selftests: \S+: \S.*?)\s*$/;
// kselftest_harness.h announces each test (`#  RUN           global.tls_v6ops ...`); some versions then print a
// skipped one's result without its name (`ok 4 # SKIP no TLS support`): the announcement names it.
const HARNESS_RUN_RE = /^(?:#\s*)+RUN\s+(\S+) \.\.\.$/;

const top = (s: State): Block => s.stack[s.stack.length - 1] ?? s.root;

function push(s: State, level: number, hashes: number, name: string | null): void {
  const parent = top(s);
  s.stack.push(newBlock(level, hashes, name ?? parent.pendingName, s.results.length));
  parent.pendingName = null;
  // Diagnostics before a nested block introduce the block; they do not explain the parent's result.
  parent.diagnostics = [];
}

/** Pops blocks deeper than `level`; returns the shallowest popped (deeper ones folded into it). */
function closeAbove(s: State, level: number): Block | null {
  let child: Block | null = null;
  while (s.stack.length > 1 && top(s).level > level) {
    const block = s.stack.pop() as Block;
    if (child !== null) adoptUnterminated(s.results, block, child);
    child = block;
  }
  return child;
}

function addResult(s: State, line: ResultLine, child: Block | null): void {
  const block = top(s);
  block.count++;
  // A nameless result: kselftest.h's `ksft_test_result_skip(name)` prints `ok 3 # SKIP CLOCK_MONOTONIC_RAW`, the
  // name as the reason (lkp-tests reads it so); kselftest_harness.h announced it with `#  RUN`. Else its number.
  const fallback = block.running || (line.status === 'skip' ? line.detail : '') || `#${line.number ?? block.count}`;
  const name = uniqueName(block, line.description || child?.name || fallback);
  const detail = line.detail || (line.status === 'pass' ? '' : block.diagnostics.join(' | '));
  if (child !== null) {
    prefixResults(s.results, child, name);
    // A header (`# Subtest: case`, a nested version line) whose block reported nothing: KUnit calls it NO_TESTS.
    if (child.count === 0 && child.start === s.results.length) {
      s.problems.push(`${name} announced subtests but reported none (line ${line.number ?? '?'} of its block)`);
    }
  }
  const capped = detail === '' ? undefined : capDetail(detail);
  s.results.push(
    capped === undefined ? { id: name, status: line.status } : { id: name, status: line.status, detail: capped },
  );
  if (block.diagnostics.length > 0) block.diagnostics = [];
  block.pendingName = null;
  block.running = null;
}

/**
 * A line shallower than the root: the capture started inside a block (KUnit printed from the middle of a run, a
 * log cut after `# Subtest:`). What was read so far becomes that block, under a root at the shallower depth, so ids
 * come out as in a whole run (`kunit-try-catch-test/...`, not a flat `...`).
 */
function rebase(s: State, level: number, hashes: number): void {
  const { root } = s;
  const inner = newBlock(root.level, root.hashes, root.pendingName, 0);
  Object.assign(inner, {
    plan: root.plan,
    count: root.count,
    names: root.names,
    diagnostics: root.diagnostics,
    running: root.running,
  });
  Object.assign(root, {
    level,
    hashes,
    pendingName: null,
    plan: null,
    count: 0,
    names: [],
    diagnostics: [],
    running: null,
  });
  s.stack.splice(1, 0, inner);
}

/** Parses KTAP/TAP text (a file or a console log). Never throws. */
export function parseKtap(text: string, options: { source: string }): ResultRun {
  const root = newBlock(-1, 0, null, 0);
  const s: State = { stack: [root], root, results: [], endedEarly: null, announced: null, problems: [] };
  let started = false;
  let inYaml = false;
  const position: LinePosition = { level: 0, hashes: 0, contentStart: 0 };

  forEachLineRange(text, (start, end, index) => {
    const from = consolePrefixEnd(text, start, end);
    if (inYaml) {
      // TAP 13 YAML diagnostics between `---` and `...` may hold anything, even lines that look like results.
      if (text.slice(from, end).trim() === '...') inYaml = false;
      return true;
    }
    const line = positionKtapRange(text, from, end, top(s).hashes, position);
    const { level: at, hashes } = position;
    if (line === null) {
      // Only lines that may be a diagnostic or a YAML start pay for slicing; console noise does not.
      const c = text.charCodeAt(position.contentStart);
      const blank = position.contentStart >= end;
      if (blank || (c !== 35 && c !== 45)) return true; // 35 '#', 45 '-'
      const t = text.slice(from, end).trim();
      const announced = c === 35 ? ANNOUNCE_RE.exec(t)?.[1] : undefined;
      if (announced !== undefined) {
        if (started) top(s).pendingName = announced;
        else s.announced = announced;
      }
      if (!started) return true;
      if (t === '---' && s.results.length > 0) inYaml = true;
      else if (t.startsWith('#')) {
        rememberDiagnostic(top(s), t);
        const running = HARNESS_RUN_RE.exec(t)?.[1];
        if (running !== undefined) top(s).running = running;
      }
      return true;
    }
    if (!started) {
      if (line.kind === 'bail') return true;
      started = true;
      // A capture that starts inside kselftest's runner (`# TAP version 13`, no top-level TAP line): the root is
      // the runner's level, the nested block the announced program's, so ids read as in a whole run.
      root.level = hashes > 0 ? (hashes - 1) * HASH_WEIGHT + (at % HASH_WEIGHT) : at;
      root.hashes = hashes > 0 ? hashes - 1 : 0;
      if (hashes > 0) root.pendingName = s.announced;
    } else if (at < root.level) rebase(s, at, hashes);
    const level = Math.max(at, root.level);
    let child: Block | null = null;
    if (level < top(s).level) {
      child = closeAbove(s, level);
      if (child !== null && line.kind !== 'result') adoptUnterminated(s.results, top(s), child);
    }
    const current = top(s);
    switch (line.kind) {
      case 'version':
        if (level > current.level) push(s, level, hashes, null);
        else if (current === root && current.count > 0) s.endedEarly ??= checkPlan(root);
        break;
      case 'subtest':
        if (level > current.level) push(s, level, hashes, line.name || null);
        else if (current !== root && current.name === null && current.count === 0) current.name = line.name || null;
        else current.pendingName = line.name || null;
        break;
      case 'plan':
        if (level > current.level) push(s, level, hashes, null);
        top(s).plan = line.count;
        break;
      case 'bail':
        if (current !== root) {
          rememberDiagnostic(current, `Bail out! ${line.reason}`);
          break;
        }
        s.endedEarly = `Bail out!${line.reason ? ` ${line.reason}` : ''} (line ${index + 1})`;
        return false;
      case 'result':
        if (child === null && level > current.level) {
          // Results indented deeper than their block's header and plan (`  # Subtest: x` / `  1..2` /
          // `    ok 1 a`) are that block's, not a nameless nested one's: ids stay `x/a`, as in a normal run.
          if (current !== s.root && current.count === 0 && level - current.level < HASH_WEIGHT) current.level = level;
          else push(s, level, hashes, null);
        }
        addResult(s, line, child);
        break;
    }
    return true;
  });

  if (s.endedEarly === null && s.stack.length > 1) {
    const open = s.stack.slice(1).map((b) => b.name ?? '(unnamed)');
    s.endedEarly = `output ends inside ${open.join(' > ')} (no result line for ${open.length} open block(s))`;
  }
  while (s.stack.length > 1) adoptUnterminated(s.results, s.stack[s.stack.length - 2] as Block, s.stack.pop() as Block);
  const short = checkPlan(root);
  const problems = started ? s.problems : ['no KTAP/TAP version, plan or result line found'];
  return {
    source: options.source,
    format: 'ktap',
    tests: s.results as readonly TestResult[],
    endedEarly: s.endedEarly ?? short,
    problems,
  };
}
