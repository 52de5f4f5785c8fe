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
import { type LinePosition, positionKtapRange } from './ktap-position.js';

type ResultLine = Extract<KtapLine, { kind: 'result' }>;

type State = {
  readonly stack: Block[];
  readonly root: Block;
  readonly results: Collected[];
  endedEarly: string | null;
};

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
  const name = uniqueName(block, line.description || child?.name || `#${line.number ?? block.count}`);
  const detail = line.detail || (line.status === 'pass' ? '' : block.diagnostics.join(' | '));
  if (child !== null) prefixResults(s.results, child, name);
  const capped = detail === '' ? undefined : capDetail(detail);
  s.results.push(
    capped === undefined ? { id: name, status: line.status } : { id: name, status: line.status, detail: capped },
  );
  if (block.diagnostics.length > 0) block.diagnostics = [];
}

/** Parses KTAP/TAP text (a file or a console log). Never throws. */
export function parseKtap(text: string, options: { source: string }): ResultRun {
  const root = newBlock(-1, 0, null, 0);
  const s: State = { stack: [root], root, results: [], endedEarly: null };
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
      if (!started || blank || (c !== 35 && c !== 45)) return true; // 35 '#', 45 '-'
      const t = text.slice(from, end).trim();
      if (t === '---' && s.results.length > 0) inYaml = true;
      else if (t.startsWith('#')) rememberDiagnostic(top(s), t);
      return true;
    }
    if (!started) {
      if (line.kind === 'bail') return true;
      started = true;
      root.level = at;
    }
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
        if (child === null && level > current.level) push(s, level, hashes, null);
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
  const problems = started ? [] : ['no KTAP/TAP version, plan or result line found'];
  return {
    source: options.source,
    format: 'ktap',
    tests: s.results as readonly TestResult[],
    endedEarly: s.endedEarly ?? short,
    problems,
  };
}
