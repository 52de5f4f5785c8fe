/**
 * When each kernel branch stops getting stable releases: announced end-of-life dates and, for longterm branches,
 * kernel.org's projected ones. Origin: endoflife.date, `products/linux-kernel.md` at commit a70eca33 (2026-08-22),
 * which cites the announcement (lore.kernel.org) or the kernel.org releases page for each date. Branches not
 * listed are unknown; a non-longterm branch without an announced date is projected as its release date plus four
 * months, the rule that file states.
 */
import type { Day } from '../../domain/day.js';

/** A branch's end of life: the day, and whether it is announced (past) or projected. */
export type BranchEol = {
  readonly branch: string;
  readonly eol: Day;
  readonly projected: boolean;
  readonly lts: boolean;
};

// [branch, release date, eol (null: not announced), lts, eol projected]
const TABLE: readonly (readonly [string, Day, Day | null, boolean, boolean])[] = [
  ['7.2', '2026-08-16', null, false, true],
  ['7.1', '2026-06-14', null, false, true],
  ['7.0', '2026-04-12', '2026-06-27', false, false],
  ['6.19', '2026-02-08', '2026-04-22', false, false],
  ['6.18', '2025-11-30', '2028-12-31', true, true],
  ['6.17', '2025-09-28', '2025-12-18', false, false],
  ['6.16', '2025-07-27', '2025-10-12', false, false],
  ['6.15', '2025-05-25', '2025-08-20', false, false],
  ['6.14', '2025-03-24', '2025-06-10', false, false],
  ['6.13', '2025-01-19', '2025-04-20', false, false],
  ['6.12', '2024-11-17', '2028-12-31', true, true],
  ['6.11', '2024-09-15', '2024-12-05', false, false],
  ['6.10', '2024-07-14', '2024-10-10', false, false],
  ['6.9', '2024-05-12', '2024-07-27', false, false],
  ['6.8', '2024-03-10', '2024-05-30', false, false],
  ['6.7', '2024-01-07', '2024-04-03', false, false],
  ['6.6', '2023-10-30', '2027-12-31', true, true],
  ['6.5', '2023-08-27', '2023-11-28', false, false],
  ['6.4', '2023-06-25', '2023-09-13', false, false],
  ['6.3', '2023-04-23', '2023-07-11', false, false],
  ['6.2', '2023-02-19', '2023-05-17', false, false],
  ['6.1', '2022-12-11', '2027-12-31', true, true],
  ['6.0', '2022-10-02', '2023-01-12', false, false],
  ['5.15', '2021-10-31', '2026-12-31', true, true],
  ['5.10', '2020-12-13', '2026-12-31', true, true],
  ['5.4', '2019-11-25', '2025-12-03', true, false],
  ['4.19', '2018-10-22', '2024-12-05', true, false],
  ['4.14', '2017-11-12', '2024-01-10', true, false],
  ['4.9', '2016-12-11', '2023-01-07', true, false],
];

function plusMonths(day: Day, months: number): Day {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1 + months, d));
  return date.toISOString().slice(0, 10);
}

/** The end of life of a branch (`6.1`), or null when kgap does not know it. */
export function branchEolOf(branch: string): BranchEol | null {
  const row = TABLE.find(([b]) => b === branch);
  if (!row) return null;
  const [, released, eol, lts, projected] = row;
  return { branch, eol: eol ?? plusMonths(released, 4), projected, lts };
}
