/**
 * A product in the fleet: one kernel a team ships (a board, a SKU), named once, with what kgap needs to judge it
 * again on every scan: the kernel (a version or a git tree), the build (config, source tree or build directory),
 * the architecture and the date until which the product is promised security support.
 */
import type { Day } from './day.js';
import { InvalidInput } from './invalid-input.js';

/** Which kernel the product runs: an upstream version, or a vendor git tree at a revision. */
export type ProductKernel =
  | { readonly kind: 'version'; readonly version: string }
  | { readonly kind: 'tree'; readonly path: string; readonly rev: string };

/** What the user says about a product (`kgap fleet add`); paths are absolute. */
export type ProductSpec = {
  readonly name: string;
  readonly kernel: ProductKernel;
  /** The product's `.config`; null: no relevance, no hardening result. */
  readonly config: string | null;
  /** The kernel source tree (directory or tarball) the config builds; null: none. */
  readonly source: string | null;
  /** The product's build directory (its `*.o` / `.*.cmd` files say what is compiled); null: none. */
  readonly buildDir: string | null;
  readonly arch: string | null;
  /** The end of the product's promised support period (the CRA's support period). */
  readonly supportUntil: Day | null;
};

/** A product as stored: its spec, the store's id and when it was added. */
export type Product = ProductSpec & { readonly id: number; readonly addedAt: string };

const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** A product name: letters, digits, `.`, `_`, `-`, starting with a letter or digit, at most 64 characters (it
 * appears in URLs and file names). */
export function requireProductName(field: string, text: string): string {
  if (!NAME_RE.test(text)) {
    throw new InvalidInput(
      field,
      `${JSON.stringify(text)} is not a product name: use letters, digits, ".", "_" and "-" (at most 64, starting with a letter or digit)`,
    );
  }
  return text;
}

/** A short text for the kernel: `6.1.170` or `tree /src/linux@HEAD`. */
export function describeKernel(kernel: ProductKernel): string {
  return kernel.kind === 'version' ? kernel.version : `tree ${kernel.path}@${kernel.rev}`;
}

/** The fleet has no product of that name (exit 2 on the CLI, 404 from the API). */
export class UnknownProduct extends InvalidInput {
  constructor(name: string) {
    super('name', `${name} is not in the fleet (see kgap fleet list)`);
    this.name = 'UnknownProduct';
  }
}
