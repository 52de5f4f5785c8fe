/**
 * Parsers of the two runtime inputs: the kernel command line and sysctl values. Pure; reading them from
 * /proc or files is in `read-hardening-inputs.ts`.
 */

/**
 * `/proc/cmdline` text -> parameter -> value (`''` for a bare flag). Quoted values keep their spaces, as the
 * kernel's own parser does; the last occurrence of a parameter wins, as it does for most parameters.
 */
export function parseCmdline(text: string): ReadonlyMap<string, string> {
  const params = new Map<string, string>();
  const re = /([^\s=]+)(?:=("[^"]*"|\S*))?/g;
  for (const m of text.matchAll(re)) {
    const name = m[1];
    if (name === undefined) continue;
    if (name === '--') break; // everything after `--` goes to init
    const raw = m[2] ?? '';
    params.set(name, raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2 ? raw.slice(1, -1) : raw);
  }
  return params;
}

/**
 * `sysctl -a` output (`kernel.kptr_restrict = 2`) or `key=value` lines -> key -> value with runs of whitespace
 * collapsed to one space (multi-value sysctls print tabs). Slashes in keys become dots (`kernel/kptr_restrict`).
 */
export function parseSysctl(text: string): ReadonlyMap<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (t === '' || t.startsWith('#') || t.startsWith(';')) continue;
    const eq = t.indexOf('=');
    if (eq <= 0) continue;
    const key = t.slice(0, eq).trim().replace(/\//g, '.');
    values.set(
      key,
      t
        .slice(eq + 1)
        .trim()
        .replace(/\s+/g, ' '),
    );
  }
  return values;
}
