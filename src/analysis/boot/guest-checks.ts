/**
 * The smoke checks the generated `/init` runs inside the guest, as data: each is a busybox-sh function body that
 * returns 0 (pass), 77 (skip, the automake convention) or anything else (fail), printing its reason.
 * The host knows this list too, so a check the guest never reported is a failure with a name, not a silent gap.
 */

/** What the guest needs to know; everything here is validated by the caller before it reaches shell code. */
export type GuestPlan = {
  /** Expected `uname -r`; null means the check is skipped with the release it saw. */
  readonly expectRelease: string | null;
  /** The serial console device (`ttyS0`, `ttyAMA0`: `CONSOLE_DEVICE` of the architecture). */
  readonly console: string;
  /** Modules to load, each with its `.ko` files in load order (dependencies first), paths inside the initramfs. */
  readonly modules: readonly { readonly name: string; readonly files: readonly string[] }[];
};

export type GuestCheck = { readonly id: string; readonly description: string; readonly body: string };

/** Quotes a string for POSIX sh: single quotes, with each `'` written as `'\''`. */
export function shQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

// Taint bits that mean the kernel itself misbehaved (Documentation/admin-guide/tainted-kernels.rst):
// M machine check (4), B bad page (5), D died/oops (7), W warning (9), L soft lockup (14).
const BAD_TAINT_MASK = (1 << 4) | (1 << 5) | (1 << 7) | (1 << 9) | (1 << 14);

// Patterns of kernel trouble in dmesg; the host applies the same idea to the console (console-signals.ts).
const DMESG_TROUBLE =
  'Kernel panic|BUG:|WARNING:|Oops|general protection fault|KASAN:|UBSAN:|blocked for more than|rcu.*stall';

function moduleCheck(module: GuestPlan['modules'][number]): GuestCheck {
  // insmod each file in dependency order; "File exists" means a dependency was already loaded, which is fine.
  const loads = module.files
    .map(
      (f) =>
        `  out=$(insmod ${shQuote(f)} 2>&1) || case "$out" in *exists*) ;; *) echo "insmod ${f}: $out"; return 1;; esac`,
    )
    .join('\n');
  return {
    id: `module_${module.name.replace(/-/g, '_')}_loads`,
    description: `module ${module.name} loads and appears in /sys/module`,
    body: `${loads}\n  [ -d /sys/module/${module.name.replace(/-/g, '_')} ] || { echo "/sys/module/${module.name} missing after insmod"; return 1; }`,
  };
}

/** The guest checks for a plan, in the order the guest runs and numbers them. */
export function planGuestChecks(plan: GuestPlan): readonly GuestCheck[] {
  const expect = plan.expectRelease;
  return [
    {
      id: 'init_is_pid1',
      description: 'the generated /init runs as PID 1',
      body: '  [ "$$" = 1 ] || { echo "init runs as pid $$"; return 1; }',
    },
    {
      id: 'mounts_proc_sys_dev',
      description: 'proc, sysfs and devtmpfs mount',
      body: [
        '  mount -t proc proc /proc || return 1',
        '  mount -t sysfs sysfs /sys || return 1',
        "  grep -q ' /dev devtmpfs ' /proc/mounts || mount -t devtmpfs devtmpfs /dev || return 1",
      ].join('\n'),
    },
    {
      id: 'release_matches',
      description: 'uname -r is the expected release',
      body:
        expect === null
          ? '  echo "uname -r is $(uname -r); no expected release given"; return 77'
          : `  r=$(uname -r); [ "$r" = ${shQuote(expect)} ] || { echo "uname -r is $r, expected "${shQuote(expect)}; return 1; }`,
    },
    {
      id: 'proc_sane',
      description: '/proc shows this kernel, its memory, a CPU and PID 1',
      body: [
        '  grep -qF "$(uname -r)" /proc/version || { echo "/proc/version does not name $(uname -r)"; return 1; }',
        '  grep -q "^MemTotal:" /proc/meminfo || { echo "/proc/meminfo has no MemTotal"; return 1; }',
        '  grep -q "^processor" /proc/cpuinfo || { echo "/proc/cpuinfo lists no processor"; return 1; }',
        '  [ -r /proc/1/stat ] || { echo "/proc/1/stat unreadable"; return 1; }',
      ].join('\n'),
    },
    {
      id: 'sys_sane',
      description: '/sys shows online CPUs, the kernel object tree and the serial console',
      body: [
        '  grep -q "^0" /sys/devices/system/cpu/online || { echo "/sys/devices/system/cpu/online does not list cpu 0"; return 1; }',
        '  [ -d /sys/kernel ] || { echo "/sys/kernel missing"; return 1; }',
        `  [ -e /sys/class/tty/${plan.console} ] || { echo "/sys/class/tty/${plan.console} missing"; return 1; }`,
      ].join('\n'),
    },
    {
      id: 'dev_sane',
      description: 'devtmpfs provides /dev/null and /dev/console',
      body: '  [ -c /dev/null ] && [ -c /dev/console ] && echo probe > /dev/null || { echo "/dev/null or /dev/console missing"; return 1; }',
    },
    ...plan.modules.map(moduleCheck),
    {
      id: 'dmesg_clean',
      description: 'dmesg has no panic, BUG, WARNING, Oops, KASAN/UBSAN report, hung task or RCU stall',
      body: `  hit=$(dmesg | grep -E ${shQuote(DMESG_TROUBLE)} | head -n 1); [ -z "$hit" ] || { echo "$hit"; return 1; }`,
    },
    {
      id: 'not_tainted_by_errors',
      description: 'no taint flag for a warning, oops, bad page, machine check or soft lockup',
      body: `  t=$(cat /proc/sys/kernel/tainted); [ $((t & ${BAD_TAINT_MASK})) -eq 0 ] || { echo "tainted=$t"; return 1; }`,
    },
  ];
}
