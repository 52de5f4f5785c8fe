/**
 * A writer for the cpio "newc" format (the only one the kernel's initramfs unpacker reads; see the kernel's
 * Documentation/driver-api/early-userspace/buffer-format.rst). Pure: entries in, bytes out.
 */

/** One archive member. Paths are relative (`bin/busybox`), without a leading slash, as `cpio -H newc` writes. */
export type CpioEntry =
  | { readonly kind: 'dir'; readonly path: string; readonly mode?: number }
  | { readonly kind: 'file'; readonly path: string; readonly data: Uint8Array; readonly mode?: number }
  | { readonly kind: 'symlink'; readonly path: string; readonly target: string }
  | {
      readonly kind: 'char';
      readonly path: string;
      readonly major: number;
      readonly minor: number;
      readonly mode?: number;
    };

// File-type bits of st_mode (octal, as in <sys/stat.h>).
const TYPE_BITS = { dir: 0o040000, file: 0o100000, symlink: 0o120000, char: 0o020000 } as const;
const DEFAULT_PERMS = { dir: 0o755, file: 0o644, symlink: 0o777, char: 0o600 } as const;
const TRAILER = 'TRAILER!!!';

function hex8(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff)
    throw new RangeError(`cpio field out of range: ${value}`);
  return value.toString(16).toUpperCase().padStart(8, '0');
}

/** newc pads both the header+name and the data to a multiple of 4 bytes. */
function pad4(length: number): number {
  return (4 - (length % 4)) % 4;
}

type Member = { name: string; mode: number; data: Uint8Array; rdevMajor: number; rdevMinor: number };

function member(entry: CpioEntry): Member {
  const perms = (entry.kind === 'symlink' ? undefined : entry.mode) ?? DEFAULT_PERMS[entry.kind];
  const mode = TYPE_BITS[entry.kind] | (perms & 0o7777);
  const data =
    entry.kind === 'file'
      ? entry.data
      : entry.kind === 'symlink'
        ? new TextEncoder().encode(entry.target)
        : new Uint8Array(0);
  const rdevMajor = entry.kind === 'char' ? entry.major : 0;
  const rdevMinor = entry.kind === 'char' ? entry.minor : 0;
  return { name: entry.path, mode, data, rdevMajor, rdevMinor };
}

function encodeMember(m: Member, ino: number): Uint8Array[] {
  const name = new TextEncoder().encode(`${m.name}\0`);
  // Fields in order: ino mode uid gid nlink mtime filesize devmajor devminor rdevmajor rdevminor namesize check.
  // uid/gid 0 and mtime 0 keep the archive byte-identical for identical content (it is cached by hash).
  const fields = [ino, m.mode, 0, 0, m.mode & TYPE_BITS.dir ? 2 : 1, 0, m.data.length, 0, 0, m.rdevMajor, m.rdevMinor];
  const header = `070701${fields.map(hex8).join('')}${hex8(name.length)}${hex8(0)}`;
  const head = new TextEncoder().encode(header);
  return [head, name, new Uint8Array(pad4(head.length + name.length)), m.data, new Uint8Array(pad4(m.data.length))];
}

/** Renders an uncompressed newc archive, members in the given order, ending with the `TRAILER!!!` entry. */
export function renderNewcCpio(entries: readonly CpioEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  entries.forEach((entry, i) => {
    if (entry.path === '' || entry.path.startsWith('/'))
      throw new RangeError(`cpio path must be relative: ${entry.path}`);
    parts.push(...encodeMember(member(entry), i + 1));
  });
  parts.push(...encodeMember({ name: TRAILER, mode: 0, data: new Uint8Array(0), rdevMajor: 0, rdevMinor: 0 }, 0));
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
