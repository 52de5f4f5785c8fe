import { readdir, stat } from 'node:fs/promises';
import { release } from 'node:os';
import { join } from 'node:path';
import { InvalidInput, UserError } from '../../domain/invalid-input.js';
import type { KernelConfig } from '../../domain/kernel-config.js';
import { readBoundedText } from '../io/read-bounded.js';
import { readKernelConfig } from '../read-kernel-config.js';
import { findRunningConfig, type SystemRoots } from '../system/find-running-config.js';
import { parseCmdline, parseSysctl } from './parse-runtime.js';

async function readText(path: string, what: string, field: string): Promise<string> {
  return readBoundedText(path, { field }).catch((e: NodeJS.ErrnoException) => {
    if (e instanceof UserError) throw e;
    throw new UserError(`cannot read ${what} ${path} (${e.code ?? e.message})`);
  });
}

/** Reads a saved `/proc/cmdline`. */
export async function readCmdline(path: string): Promise<ReadonlyMap<string, string>> {
  return parseCmdline(await readText(path, 'kernel command line', 'cmdline'));
}

/** Reads saved `sysctl -a` output. */
export async function readSysctl(path: string): Promise<ReadonlyMap<string, string>> {
  return parseSysctl(await readText(path, 'sysctl values', 'sysctl'));
}

/**
 * Expands `--config` arguments: files as given, directories to their `*.config` / `config-*` / `*.gz` files (sorted),
 * so the whole corpus is one call. Missing paths are a UserError.
 */
export async function expandConfigPaths(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const s = await stat(p).catch(() => null);
    if (!s) throw new UserError(`cannot read kernel config ${p} (ENOENT)`);
    if (!s.isDirectory()) {
      out.push(p);
      continue;
    }
    const names = (await readdir(p))
      .filter((n) => n.endsWith('.config') || n.startsWith('config-') || n.endsWith('.gz'))
      .sort();
    if (names.length === 0) throw new UserError(`${p} holds no *.config, config-* or *.gz files`);
    out.push(...names.map((n) => join(p, n)));
  }
  return out;
}

/** The running kernel's config (the one finder `status --running` uses too), or an error naming what was tried. */
export async function findRunningKernelConfig(roots: SystemRoots): Promise<string> {
  const path = await findRunningConfig(roots, release());
  if (path === null) {
    const tried = `${join(roots.procDir, 'config.gz')}, ${join(roots.bootDir, 'config-RELEASE')}`;
    throw new InvalidInput('running', `finds no kernel config for this kernel (tried ${tried}); pass its config file`);
  }
  return path;
}

/** The running machine's kernel config, its command line and the sysctls the checks read. */
export async function readRunningInputs(options: {
  readonly procDir: string;
  readonly bootDir: string;
  readonly sysctlKeys: readonly string[];
}): Promise<{ config: KernelConfig; cmdline: ReadonlyMap<string, string>; sysctl: ReadonlyMap<string, string> }> {
  const { procDir } = options;
  const config = await readKernelConfig(await findRunningKernelConfig(options));
  const cmdline = parseCmdline(await readText(join(procDir, 'cmdline'), 'kernel command line', 'running'));
  const sysctl = new Map<string, string>();
  for (const key of options.sysctlKeys) {
    const text = await readBoundedText(join(procDir, 'sys', ...key.split('.')), { field: 'running' }).catch(() => null);
    if (text !== null) sysctl.set(key, text.trim().replace(/\s+/g, ' '));
  }
  return { config, cmdline, sysctl };
}
