/**
 * What becomes of a vendor patch when its tree moves to a newer stable release (docs/plan.md, "Fates"): the
 * vocabulary `kgap plan` decides in and the fleet stores with a product's plan.
 */

export const PATCH_FATES = ['upstream', 'clean', 'conflict', 'vendor-revert'] as const;
export type PatchFate = (typeof PATCH_FATES)[number];

/** How many vendor patches have each fate. */
export type FateCounts = Readonly<Record<PatchFate, number>>;
