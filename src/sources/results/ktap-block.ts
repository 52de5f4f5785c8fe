/**
 * Open blocks of nested KTAP results. KTAP names a parent only in its result line, which comes after its
 * subtests, so results go into one flat list in output order (children before their parent) and a block
 * remembers where its results start: when the parent's name is known, the block's results are prefixed in
 * place. No per-level copying, so a million results cost a million small objects, not one per level.
 */
import type { TestStatus } from '../../domain/test-result.js';

/** A result while its id is still being prefixed; handed out as a `TestResult` once parsing ends. */
export type Collected = { id: string; readonly status: TestStatus; readonly detail?: string };

export type Block = {
  level: number;
  /** kselftest `# ` prefixes of this block's lines (the root adopts those of a capture that starts nested). */
  hashes: number;
  name: string | null;
  /** A TAP 14 `# Subtest: x` at this level names the next nested block, not this one. */
  pendingName: string | null;
  plan: number | null;
  count: number;
  /** Index in the flat result list where this block's results begin. */
  readonly start: number;
  /**
   * Names of this block's direct results, to suffix repeats (`~2`): a short list scanned linearly (most blocks
   * hold a few dozen results), then a map once it grows; allocating a map per block costs more than it saves.
   */
  names: string[] | Map<string, number>;
  /** The last diagnostic lines, attached to the next failing result that has no reason of its own. */
  diagnostics: string[];
  /** The test kselftest_harness.h announced last (`#  RUN           global.keysizes ...`): names a nameless result. */
  running: string | null;
};

export function newBlock(level: number, hashes: number, name: string | null, start: number): Block {
  return {
    level,
    hashes,
    name,
    pendingName: null,
    plan: null,
    count: 0,
    start,
    names: [],
    diagnostics: [],
    running: null,
  };
}

/** Keeps the last three diagnostics of a block (KTAP: diagnostics precede the result they explain). */
export function rememberDiagnostic(block: Block, diagnostic: string): void {
  if (block.diagnostics.length >= 3) block.diagnostics.shift();
  block.diagnostics.push(diagnostic.replace(/^#\s*/, ''));
}

/** A name unique among the block's direct results: the same name again becomes `name~2`, `name~3`. */
export function uniqueName(block: Block, name: string): string {
  if (Array.isArray(block.names)) {
    if (!block.names.includes(name)) {
      block.names.push(name);
      if (block.names.length > 64) block.names = new Map(block.names.map((n) => [n, 1]));
      return name;
    }
    block.names = countNames(block.names);
  }
  const n = (block.names.get(name) ?? 0) + 1;
  block.names.set(name, n);
  return n === 1 ? name : `${name}~${n}`;
}

function countNames(names: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const n of names) map.set(n, (map.get(n) ?? 0) + 1);
  return map;
}

/** Puts `name/` in front of every result of `child` (everything collected since it opened). */
export function prefixResults(results: Collected[], child: Block, name: string): void {
  const prefix = `${name}/`;
  for (let i = child.start; i < results.length; i++) {
    const r = results[i] as Collected;
    r.id = prefix + r.id;
  }
}

/** A child that never got its result line keeps its results under the name it announced, or its number. */
export function adoptUnterminated(results: Collected[], parent: Block, child: Block): void {
  prefixResults(results, child, uniqueName(parent, child.name ?? `#${parent.count + 1}`));
}

/** Fewer results than the plan announced: the stream stopped early. Resets the block for a following stream. */
export function checkPlan(block: Block): string | null {
  const { plan, count } = block;
  block.plan = null;
  block.count = 0;
  if (plan !== null && count < plan) return `plan announced ${plan} tests, ${count} reported`;
  return null;
}
