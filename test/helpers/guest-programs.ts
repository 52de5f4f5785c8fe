/**
 * Builds the small test programs the boot tests run inside the guest (`kgap boot --add DIR --run CMD`), from the
 * C sources in test/fixtures/guest-tests/, with the host's gcc or Debian's cross compiler (gcc-aarch64-linux-gnu).
 * They are static: the initramfs has no libc.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCES = fileURLToPath(new URL('../../../test/fixtures/guest-tests/', import.meta.url));
const HOST_ARCH = process.arch === 'arm64' ? 'arm64' : process.arch === 'x64' ? 'x86_64' : process.arch;
const CROSS = { x86_64: 'x86_64-linux-gnu-gcc', arm64: 'aarch64-linux-gnu-gcc' } as const;
const PACKAGE = { x86_64: 'gcc-x86-64-linux-gnu', arm64: 'gcc-aarch64-linux-gnu' } as const;

export type GuestArch = keyof typeof CROSS;

/**
 * Compiles `test/fixtures/guest-tests/<name>.c` for `arch` into `<dir>/probe/<name>` (what `--add dir` lays at
 * `/probe/<name>`); `linking` `-static` by default. Returns the directory to add, or why it could not be built.
 */
export function buildGuestProgram(options: {
  readonly name: string;
  readonly arch: GuestArch;
  readonly dir: string;
  readonly linking?: 'static' | 'dynamic';
}): { readonly dir: string; readonly program: string } | { readonly skip: string } {
  const cc = options.arch === HOST_ARCH ? 'gcc' : CROSS[options.arch];
  const program = join(options.dir, 'probe', options.name);
  mkdirSync(join(options.dir, 'probe'), { recursive: true });
  const link = options.linking === 'dynamic' ? [] : ['-static'];
  const r = spawnSync(cc, [...link, '-O2', '-s', '-o', program, join(SOURCES, `${options.name}.c`)], {
    encoding: 'utf8',
  });
  if (r.error !== undefined || r.status !== 0) {
    const why = r.error !== undefined ? `${cc} not found` : r.stderr.trim().split('\n')[0];
    return {
      skip: `cannot build the ${options.arch} test program (${why}; apt-get install ${options.arch === HOST_ARCH ? 'gcc libc6-dev' : PACKAGE[options.arch]})`,
    };
  }
  return { dir: options.dir, program };
}
