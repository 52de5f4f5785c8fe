/**
 * One 512-byte tar header (POSIX ustar, with the GNU and pax extensions `git archive` and GNU tar write), read by
 * hand so that kgap decides what an archive may create: only regular files and directories (docs/security.md).
 */

/** What a member is, as far as extraction cares. */
export type TarKind = 'file' | 'directory' | 'long-name' | 'pax' | 'pax-global' | 'other';

export type TarHeader = {
  readonly name: string;
  readonly size: number;
  readonly kind: TarKind;
  /** The type flag as written (`2` symlink, `3`/`4` devices, `6` FIFO …), for the problem message. */
  readonly type: string;
  readonly mode: number;
};

export const BLOCK = 512;

function text(block: Uint8Array, from: number, length: number): string {
  let end = from;
  while (end < from + length && block[end] !== 0) end++;
  return Buffer.from(block.buffer, block.byteOffset + from, end - from).toString('utf8');
}

/** An octal field, or GNU base-256 (high bit set) for sizes over 8 GiB; NaN when neither. */
function numeric(block: Uint8Array, from: number, length: number): number {
  if (((block[from] ?? 0) & 0x80) !== 0) {
    let n = (block[from] ?? 0) & 0x7f;
    for (let i = from + 1; i < from + length; i++) n = n * 256 + (block[i] ?? 0);
    return n;
  }
  const t = text(block, from, length).trim();
  return /^[0-7]+$/.test(t) ? Number.parseInt(t, 8) : t === '' ? 0 : Number.NaN;
}

/** True for an all-zero block (two of them end an archive). */
export function isZeroBlock(block: Uint8Array): boolean {
  for (let i = 0; i < BLOCK; i++) if (block[i] !== 0) return false;
  return true;
}

const KINDS: Readonly<Record<string, TarKind>> = {
  '0': 'file',
  '\0': 'file',
  '7': 'file',
  '5': 'directory',
  L: 'long-name',
  x: 'pax',
  g: 'pax-global',
};

/** Parses a header block; null when its checksum does not match (not a tar archive, or a damaged one). */
export function parseTarHeader(block: Uint8Array): TarHeader | null {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : (block[i] ?? 0);
  if (numeric(block, 148, 8) !== sum) return null;
  const size = numeric(block, 124, 12);
  if (!Number.isSafeInteger(size) || size < 0) return null;
  const type = String.fromCharCode(block[156] ?? 0);
  const magic = text(block, 257, 6);
  // ustar splits long names into prefix + name (GNU tar's "ustar  " magic has no prefix field there).
  const prefix = magic === 'ustar' ? text(block, 345, 155) : '';
  const name = prefix === '' ? text(block, 0, 100) : `${prefix}/${text(block, 0, 100)}`;
  return { name, size, kind: KINDS[type] ?? 'other', type, mode: numeric(block, 100, 8) || 0 };
}

/** The `path` (and `size`) records of a pax extended header ("<len> <key>=<value>\n" each). */
export function parsePaxRecords(data: Buffer): { path?: string; size?: number } {
  const out: { path?: string; size?: number } = {};
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(32, at);
    if (space === -1) break;
    const length = Number(data.subarray(at, space).toString('latin1'));
    if (!Number.isSafeInteger(length) || length <= space - at || at + length > data.length) break;
    const record = data.subarray(space + 1, at + length - 1).toString('utf8');
    const eq = record.indexOf('=');
    const key = record.slice(0, eq);
    const value = record.slice(eq + 1);
    if (key === 'path') out.path = value;
    else if (key === 'size' && /^\d+$/.test(value)) out.size = Number(value);
    at += length;
  }
  return out;
}

/**
 * A member name made safe to create below the extraction directory: `./` and empty parts dropped; null for an
 * absolute name or one with `..` (it would land outside), and for an empty one.
 */
export function safeMemberPath(name: string): string | null {
  if (name.startsWith('/') || name.includes('\0')) return null;
  const parts = name.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.length === 0 || parts.some((p) => p === '..')) return null;
  return parts.join('/');
}
