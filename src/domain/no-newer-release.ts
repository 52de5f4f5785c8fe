import { UserError } from './invalid-input.js';

/**
 * `kgap plan --to latest` on a tree that sits on the newest release of its branch it knows (or whose stable tags
 * are not fetched): nothing to plan. A `UserError` for `kgap plan`; the fleet records the product as up to date.
 */
export class NoNewerRelease extends UserError {
  constructor(
    message: string,
    /** The release tag the tree sits on (`v6.1.130`). */
    readonly baseTag: string,
    /** The commit the planned revision was. */
    readonly revCommit: string,
  ) {
    super(message);
    this.name = 'NoNewerRelease';
  }
}
