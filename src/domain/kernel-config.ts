/**
 * A kernel `.config`: symbol values as Kconfig writes them. Pure parsing; reading (plain or gzip) is in
 * `sources/read-kernel-config.ts`.
 */
export type KernelConfig = {
  /** CONFIG_* -> raw value: `y`, `m`, `n` (for "is not set"), a number, hex, or an unquoted string. */
  readonly values: ReadonlyMap<string, string>;
  /** Version from the header comment (`# Linux/x86 6.1.170 Kernel Configuration`), when present. */
  readonly version: string | null;
  /** Architecture from the header (`x86`, `arm64`, …) or inferred from symbols; null when unknown. */
  readonly arch: string | null;
  /** Where it came from, for messages. */
  readonly source: string;
  /** Lines that were neither a setting, a comment nor blank. */
  readonly problems: readonly string[];
  /**
   * CONFIG_* -> the 1-based line that decides its value (the last `=` or `is not set` line, as Kconfig reads it):
   * where SARIF and CI annotations point. Absent for configs not parsed from text.
   */
  readonly lines?: ReadonlyMap<string, number>;
};

const SET_RE = /^(CONFIG_[A-Za-z0-9_]+)=(.*)$/;
const UNSET_RE = /^# (CONFIG_[A-Za-z0-9_]+) is not set\s*$/;
const HEADER_RE = /^# Linux\/(\S+) (\S+) Kernel Configuration/;

// Symbols only one architecture defines: used when the header does not name it.
const ARCH_SYMBOLS: readonly (readonly [string, string])[] = [
  ['CONFIG_X86_64', 'x86_64'],
  ['CONFIG_X86_32', 'i386'],
  ['CONFIG_ARM64', 'arm64'],
  ['CONFIG_ARM', 'arm'],
  ['CONFIG_RISCV', 'riscv'],
  ['CONFIG_PPC64', 'powerpc'],
  ['CONFIG_S390', 's390'],
  ['CONFIG_MIPS', 'mips'],
  ['CONFIG_LOONGARCH', 'loongarch'],
];

function unquote(raw: string): string {
  const v = raw.trim();
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) {
    return v.slice(1, -1).replace(/\\(["\\])/g, '$1');
  }
  return v;
}

/** Parses `.config` text. Duplicated symbols: the last one wins, as in Kconfig. */
export function parseKernelConfig(text: string, options: { source: string }): KernelConfig {
  const values = new Map<string, string>();
  const lineOf = new Map<string, number>();
  const problems: string[] = [];
  let version: string | null = null;
  let headerArch: string | null = null;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '') continue;
    const set = SET_RE.exec(line);
    if (set?.[1] !== undefined && set[2] !== undefined) {
      values.set(set[1], unquote(set[2]));
      lineOf.set(set[1], i + 1);
      continue;
    }
    const unset = UNSET_RE.exec(line);
    if (unset?.[1] !== undefined) {
      values.set(unset[1], 'n');
      lineOf.set(unset[1], i + 1);
      continue;
    }
    const header = HEADER_RE.exec(line);
    if (header?.[1] !== undefined && header[2] !== undefined) {
      headerArch = header[1];
      version = header[2];
      continue;
    }
    if (line.startsWith('#')) continue;
    if (problems.length < 20) problems.push(`line ${i + 1}: ${line.slice(0, 80)}`);
  }
  return {
    values,
    version,
    arch: resolveArch(headerArch, values),
    source: options.source,
    problems,
    lines: lineOf,
  };
}

function resolveArch(headerArch: string | null, values: ReadonlyMap<string, string>): string | null {
  for (const [symbol, arch] of ARCH_SYMBOLS) {
    if (values.get(symbol) === 'y') return arch;
  }
  return headerArch;
}

/** True when the text has at least one CONFIG_ setting: the test for "this is a kernel config". */
export function looksLikeKernelConfig(config: KernelConfig): boolean {
  return config.values.size > 0;
}
