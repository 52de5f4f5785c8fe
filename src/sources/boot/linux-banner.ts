/**
 * The kernel's `linux_banner` ("Linux version 6.1.0-47-arm64 (debian-kernel@…) #1 SMP Debian 6.1.170-3 …"), found
 * in an uncompressed kernel (an ELF vmlinux, an arm64 Image): it names the release `uname -r` will print.
 */

const BANNER = 'Linux version ';

/** The text after the first `Linux version <digit>`, to the end of its line; null when there is none. */
export function findLinuxBanner(bytes: Uint8Array): string | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength); // a view, not a copy; native search
  let at = buf.indexOf(BANNER);
  while (at >= 0) {
    const start = at + BANNER.length;
    const digit = buf[start] ?? 0;
    // "Linux version %s" (the format string) comes first in some builds: skip to one followed by a digit.
    if (digit >= 0x30 && digit <= 0x39) {
      let end = start;
      while (end < buf.length && end - start < 256 && (buf[end] ?? 0) >= 0x20 && (buf[end] ?? 0) < 0x7f) end++;
      return buf.toString('latin1', start, end).trim();
    }
    at = buf.indexOf(BANNER, start);
  }
  return null;
}

/** `uname -r` of a banner: its first word. */
export function releaseOfBanner(banner: string | null): string | null {
  return banner?.split(' ')[0] ?? null;
}
