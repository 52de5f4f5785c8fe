import type { SupportVerdict } from '../../domain/fleet-view.js';

/**
 * Does the product's branch outlive the support the product promises (the CRA's support period)? A branch
 * that ends first leaves the product without stable fixes for the rest of it; one that has ended already leaves
 * it without fixes now. Pure: `asOf` is the day to judge "already" against.
 */
export function assessSupport(input: {
  readonly branch: string;
  readonly eol: { readonly eol: string; readonly projected: boolean } | null;
  readonly supportUntil: string | null;
  readonly asOf: string;
}): SupportVerdict {
  const { eol } = input;
  if (eol === null) return { branchEol: null, projected: false, warning: null };
  const when = `${eol.eol}${eol.projected ? ' (projected)' : ''}`;
  let warning: string | null = null;
  if (eol.eol < input.asOf) warning = `branch ${input.branch} reached end of life on ${eol.eol}`;
  else if (input.supportUntil !== null && eol.eol < input.supportUntil)
    warning = `branch ${input.branch} ends ${when}, before the product's support ends ${input.supportUntil}`;
  return { branchEol: eol.eol, projected: eol.projected, warning };
}
