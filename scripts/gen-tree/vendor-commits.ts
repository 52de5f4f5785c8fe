import { message, placedFile, placedSubject } from './commit-text.js';
import type { FileChange } from './fast-import.js';
import type { PlanKind, PlanPatch, StableEdit } from './plan-patches.js';
import type { Placement } from './plan-placements.js';
import type { ScenarioCase } from './plan-scenarios.js';
import type { SharedFile, SourceModel } from './source-model.js';

/** The fate `kgap plan` must give a generated vendor commit, and the evidence an `upstream` one rests on. */
export type ExpectedFate = {
  readonly fate: 'upstream' | 'clean' | 'conflict' | 'vendor-revert';
  readonly evidence: 'patch-id' | 'marker' | 'revert-pair' | null;
};

/** One vendor commit the generator wrote, what it is, and its expected fate against the newest stable release. */
export type VendorPatchFact = {
  readonly sha: string;
  readonly kind: PlanKind | ScenarioCase['case'] | 'vendor-only' | 'revert-of-backport';
  readonly subject: string;
  readonly expect: ExpectedFate;
};

const SOB = ['Signed-off-by: Vendor Engineer <eng@vendor.example>'];
export const GKH = ['Signed-off-by: Greg Kroah-Hartman <gregkh@linuxfoundation.org>'];

const EXPECT: Record<PlanKind, ExpectedFate> = {
  identical: { fate: 'upstream', evidence: 'patch-id' },
  marked: { fate: 'upstream', evidence: 'marker' },
  conflict: { fate: 'conflict', evidence: null },
  'clean-shared': { fate: 'clean', evidence: null },
  'revert-base': { fate: 'vendor-revert', evidence: null },
  'revert-pair': { fate: 'upstream', evidence: 'revert-pair' },
  own: { fate: 'clean', evidence: null },
};

/** The message of a vendor commit that carries a record's commit (the tree-mode cases). */
export function caseMessage(c: ScenarioCase, p: Placement, up: string): string {
  const subject = placedSubject(p);
  switch (c.case) {
    case 'stable-marker':
    case 'reverted':
    case 'intro-backport':
      return message(subject, [`commit ${up} upstream.`, '', 'Backported ahead of stable.'], SOB);
    case 'cherry-pick':
      return message(subject, ['Needed for the product.', '', `(cherry picked from commit ${up})`], SOB);
    case 'android':
      return message(
        `UPSTREAM: ${subject}`,
        ['Bug: 123456789', '', `(cherry picked from commit ${up})`],
        ['Change-Id: I0123456789abcdef', ...SOB],
      );
    case 'trailer':
      return message(subject, ['Picked from upstream.'], [`Upstream-Commit: ${up}`, ...SOB]);
    case 'squash':
    case 'intro-squash':
      return message('vendor: pull in pending fixes', ['Squashed from the vendor queue.'], SOB);
    default:
      return message(subject, ['Adapted to the vendor tree.'], SOB);
  }
}

/** The file changes of a tree-mode case's vendor commit (the `subject` case adapts the content). */
export function caseChanges(c: ScenarioCase, p: Placement): FileChange[] {
  const file = placedFile(p);
  return c.case === 'subject' ? [{ path: file.path, content: `${file.content}/* adapted */\n` }] : [file];
}

/**
 * What `kgap plan` must say of a tree-mode case's vendor commit against the newest stable release: a stable commit
 * after the base carries the same change (`stableCopy`), so the vendor's copy is upstream by patch-id, except the
 * subject-only case, whose adapted content meets the stable file (add/add conflict).
 */
export function caseExpect(c: ScenarioCase, stableCopy: boolean): ExpectedFate {
  if (!stableCopy) return { fate: 'clean', evidence: null };
  return c.case === 'subject' ? { fate: 'conflict', evidence: null } : { fate: 'upstream', evidence: 'patch-id' };
}

const areaOf = (file: SharedFile) => file.path.split('/').at(-2) ?? file.prefix;

/**
 * A planned vendor patch as a commit, applied to the vendor's copy of the shared files (`model`, updated).
 * `shaOf` gives the generated id of a stable edit (reverts name it).
 */
export function planPatchCommit(
  patch: PlanPatch,
  model: SourceModel,
  shaOf: (edit: StableEdit) => string,
): { message: string; changes: FileChange[]; expect: ExpectedFate; subject: string } {
  const expect = EXPECT[patch.kind];
  if (patch.kind === 'own' || patch.slot === null || patch.line === null) {
    const subject = `vendor: product: add feature ${patch.index} driver`;
    return {
      subject,
      expect,
      message: message(subject, ['Vendor-only driver for the product board.'], SOB),
      changes: [
        {
          path: `drivers/vendor/product/feature-${patch.index}.c`,
          content: `// SPDX-License-Identifier: GPL-2.0\nint product_feature_${patch.index}(void)\n{\n\treturn ${patch.index};\n}\n`,
        },
      ],
    };
  }
  const file = model.files[patch.slot.file] as SharedFile;
  const fn = `${file.prefix}_op_${patch.slot.fn}()`;
  model.set(patch.slot, patch.line);
  const changes: FileChange[] = [model.change(patch.slot.file)];
  const stable = patch.stable;
  let subject: string;
  let lines: string[];
  switch (patch.kind) {
    case 'identical':
      subject = `${areaOf(file)}: pick up the pending fix for ${fn}`;
      lines = ['Needed on the product before the next stable update.'];
      break;
    case 'marked':
      subject = stable?.subject ?? `${areaOf(file)}: backport a fix for ${fn}`;
      lines = [`commit ${stable?.upstream} upstream.`, '', 'Backported ahead of the stable release, adapted.'];
      changes.push({
        path: `Documentation/vendor/backports/${file.prefix}-op-${patch.slot.fn}.rst`,
        content: `Backported early: ${subject}\n`,
      });
      break;
    case 'conflict':
      subject = `${areaOf(file)}: quirk for the product board in ${fn}`;
      lines = ['The product board needs the quirk path here.'];
      break;
    case 'clean-shared':
      subject = `${areaOf(file)}: add a vendor hook to ${fn}`;
      lines = ['Lets the product code observe the result.'];
      break;
    default:
      subject = `Revert "${stable?.subject}"`;
      lines = [
        `This reverts commit ${stable ? shaOf(stable) : ''}.`,
        '',
        'Breaks suspend on the product board; revert until it is understood.',
      ];
  }
  return { subject, expect, message: message(subject, lines, SOB), changes };
}
