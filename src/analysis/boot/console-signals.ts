/**
 * Signs of kernel trouble on the serial console, as a typed table. Patterns are anchored on the kernel's own
 * message prefixes (`BUG: `, `WARNING: CPU:`), because innocent lines say "bug" too: "This is not a bug.",
 * "use pci=nocrs and report a bug" appear in every clean boot of the Debian kernels.
 */

export type ConsoleSignal = { readonly id: string; readonly description: string; readonly pattern: RegExp };

export const CONSOLE_SIGNALS: readonly ConsoleSignal[] = [
  { id: 'no_kernel_panic', description: 'no "Kernel panic - not syncing"', pattern: /Kernel panic - not syncing/ },
  {
    id: 'no_kernel_oops',
    description: 'no BUG:, Oops, general protection fault, KASAN: or UBSAN: report',
    pattern: /\bBUG: |\bOops(?::|\[#| - )|general protection fault|\bKASAN: |\bUBSAN: /,
  },
  { id: 'no_kernel_warning', description: 'no WARNING: (WARN_ON) splat', pattern: /\bWARNING: (?:CPU:|at )/ },
  {
    id: 'no_hung_task_or_stall',
    description: 'no hung task, soft/hard lockup or RCU stall',
    pattern: /blocked for more than \d+ seconds|soft lockup - CPU|hard LOCKUP|rcu: INFO: \S+ detected stalls?/,
  },
];

/** The first console line matching the signal, trimmed of its printk timestamp; null when clean. */
export function findSignal(lines: readonly string[], signal: ConsoleSignal): string | null {
  const hit = lines.find((l) => signal.pattern.test(l));
  return hit === undefined ? null : hit.replace(/^\s*\[\s*\d+\.\d+\]\s*/, '').trim();
}
