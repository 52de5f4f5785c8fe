import type { TestStep } from './plan-report.js';

/** A shell word: as is when plain, else in single quotes (paths with spaces or metacharacters). */
export function shellWord(text: string): string {
  return /^[A-Za-z0-9_./:=@+-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}

/**
 * The commands to run on the candidate (pure): get the rebased tree, boot it, gate it against the kernel in the
 * field (boots and the product's own test results), check its CVEs and, with a config, its hardening. Words in
 * angle brackets are the product's own paths.
 */
export function planTestSteps(o: {
  readonly tree: string;
  readonly rev: string;
  readonly baseTag: string;
  readonly targetTag: string;
  readonly branch: string | null;
  readonly config: string | null;
  readonly allCarry: boolean;
}): TestStep[] {
  const tree = shellWord(o.tree);
  const steps: TestStep[] = [];
  const candidate = o.branch ?? `kgap-plan/${o.targetTag}`;
  if (o.branch) {
    steps.push({
      purpose: 'build the candidate from the branch kgap wrote',
      command: `git -C ${tree} checkout ${shellWord(o.branch)}`,
    });
  } else {
    steps.push({
      purpose: o.allCarry
        ? 'write the rebased branch (every patch is clean or upstream)'
        : 'rebase by hand, resolving the conflicts and deciding the vendor reverts listed above',
      command: o.allCarry
        ? `kgap plan --tree ${tree} --rev ${shellWord(o.rev)} --to ${o.targetTag.replace(/^v/, '')} --write-branch ${shellWord(candidate)}`
        : `git -C ${tree} rebase --onto ${o.targetTag} ${o.baseTag} ${shellWord(o.rev)}`,
    });
  }
  steps.push(
    {
      purpose: 'boot the candidate under QEMU and run the smoke checks',
      command: 'kgap boot --kernel <candidate kernel image> --out results/candidate-boot',
    },
    {
      purpose: 'boot the kernel in the field and the candidate side by side and compare the checks',
      command:
        'kgap gate --baseline-kernel <current kernel image> --candidate-kernel <candidate kernel image> --out results/gate',
    },
    {
      purpose: "compare the product's own test results (KTAP, kselftest, LTP, JUnit) on both kernels",
      command: 'kgap gate --baseline <results of the current kernel> --candidate <results of the candidate>',
    },
    {
      purpose: 'check which CVEs the candidate still carries',
      command: `kgap status --tree ${tree} --rev ${shellWord(o.branch ?? '<candidate branch>')}`,
    },
  );
  if (o.config)
    steps.push({
      purpose: "check the candidate's config against the current one",
      command: `kgap harden --config ${shellWord(o.config)} --against <candidate .config> --fail-on regress`,
    });
  return steps;
}
