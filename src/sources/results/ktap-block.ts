/**
 * One open block of nested KTAP results. KTAP names a parent only in its result line, which comes after its
 * subtests, so a block collects results with paths relative to itself and its parent prefixes them when the
 * parent's own result arrives.
 */
import type { TestStatus } from '../../analysis/gate/test-result.js';

export type Collected = { readonly path: string; readonly status: TestStatus; readonly detail: string | undefined };

export type Block = {
  level: number;
  readonly hashes: number;
  name: string | null;
  /** A TAP 14 `# Subtest: x` at this level names the next nested block, not this one. */
  pendingName: string | null;
  plan: number | null;
  count: number;
  readonly results: Collected[];
  /** The last diagnostic lines, attached to the next failing result that has no reason of its own. */
  diagnostics: string[];
};

export function newBlock(level: number, hashes: number, name: string | null): Block {
  return { level, hashes, name, pendingName: null, plan: null, count: 0, results: [], diagnostics: [] };
}

/** Keeps the last three diagnostics of a block (KTAP: diagnostics precede the result they explain). */
export function rememberDiagnostic(block: Block, diagnostic: string): void {
  if (block.diagnostics.length >= 3) block.diagnostics.shift();
  block.diagnostics.push(diagnostic.replace(/^#\s*/, ''));
}

/** Moves a child's results into its parent under `name`. */
export function prefixInto(parent: Block, child: Block, name: string): void {
  for (const r of child.results) parent.results.push({ path: `${name}/${r.path}`, status: r.status, detail: r.detail });
}

/** A child that never got its result line keeps its results under the name it announced, or its number. */
export function adoptUnterminated(parent: Block, child: Block): void {
  prefixInto(parent, child, child.name ?? `#${parent.count + 1}`);
}

/** Fewer results than the plan announced: the stream stopped early. Resets the block for a following stream. */
export function checkPlan(block: Block): string | null {
  const { plan, count } = block;
  block.plan = null;
  block.count = 0;
  if (plan !== null && count < plan) return `plan announced ${plan} tests, ${count} reported`;
  return null;
}
