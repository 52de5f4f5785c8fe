/** `kgap fleet add` and `kgap fleet remove`: a product's inputs, checked before they are stored. */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { normalizeArch } from '../../analysis/hardening/kernel-facts.js';
import { requireDay } from '../../domain/day.js';
import { parseUpstreamVersion } from '../../domain/distro-version.js';
import { type Product, type ProductKernel, requireProductName, UnknownProduct } from '../../domain/fleet-product.js';
import type { FleetStore } from '../../domain/fleet-store.js';
import { ARCHES } from '../../domain/hardening-check.js';
import { InvalidInput } from '../../domain/invalid-input.js';

export type FleetAddInput = {
  readonly store: FleetStore;
  readonly name: string;
  /** Exactly one of `version` and `tree`. */
  readonly version?: string | undefined;
  readonly tree?: string | undefined;
  readonly rev?: string | undefined;
  readonly config?: string | undefined;
  /** Exactly one of `source` and `buildDir`, or neither. */
  readonly source?: string | undefined;
  readonly buildDir?: string | undefined;
  readonly arch?: string | undefined;
  readonly supportUntil?: string | undefined;
  /** When it was added (ISO 8601). */
  readonly addedAt: string;
};

async function existingPath(field: string, path: string, kind: 'file' | 'dir' | 'any'): Promise<string> {
  const abs = resolve(path);
  const st = await stat(abs).catch(() => null);
  if (st === null) throw new InvalidInput(field, `${path} does not exist`);
  if (kind === 'file' && !st.isFile()) throw new InvalidInput(field, `${path} is not a file`);
  if (kind === 'dir' && !st.isDirectory()) throw new InvalidInput(field, `${path} is not a directory`);
  return abs;
}

async function kernelOf(input: FleetAddInput): Promise<ProductKernel> {
  if ((input.version === undefined) === (input.tree === undefined))
    throw new InvalidInput('version', 'or tree: give exactly one (the kernel version, or its git tree)');
  if (input.version !== undefined) {
    if (input.rev !== undefined) throw new InvalidInput('rev', 'needs a tree (the git tree to read the revision of)');
    const r = parseUpstreamVersion(input.version);
    if (!r.ok) throw new InvalidInput('version', r.reason);
    return { kind: 'version', version: input.version };
  }
  return { kind: 'tree', path: await existingPath('tree', input.tree as string, 'dir'), rev: input.rev ?? 'HEAD' };
}

/** Checks the product's inputs (the files must exist now) and adds it. */
export async function runFleetAdd(input: FleetAddInput): Promise<Product> {
  const name = requireProductName('name', input.name);
  const kernel = await kernelOf(input);
  if (input.source !== undefined && input.buildDir !== undefined)
    throw new InvalidInput('source', 'or buildDir: give one (a source tree, or the build directory)');
  const config = input.config === undefined ? null : await existingPath('config', input.config, 'file');
  const source = input.source === undefined ? null : await existingPath('source', input.source, 'any');
  const buildDir = input.buildDir === undefined ? null : await existingPath('buildDir', input.buildDir, 'dir');
  if (buildDir !== null && config === null) await existingPath('config', resolve(buildDir, '.config'), 'file');
  if (source !== null && config === null) throw new InvalidInput('source', 'needs config (the .config it builds)');
  if (input.arch !== undefined && normalizeArch(input.arch) === null)
    throw new InvalidInput('arch', `takes one of ${ARCHES.join(', ')}, not ${JSON.stringify(input.arch)}`);
  const supportUntil = input.supportUntil === undefined ? null : requireDay('supportUntil', input.supportUntil);
  return input.store.addProduct(
    { name, kernel, config, source, buildDir, arch: input.arch ?? null, supportUntil },
    input.addedAt,
  );
}

/** Removes a product and its scans; an `InvalidInput` when the fleet has none of that name. */
export async function runFleetRemove(input: { readonly store: FleetStore; readonly name: string }): Promise<void> {
  if (!(await input.store.removeProduct(input.name))) throw new UnknownProduct(input.name);
}
