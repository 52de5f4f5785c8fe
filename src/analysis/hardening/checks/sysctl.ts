import type { HardeningCheck } from '../../../domain/hardening-check.js';
import { cond, kc, rowsOf } from './build.js';

const sc = (option: string, want: string) => cond('sysctl', option, want);

const self = rowsOf('sysctl', { reason: 'self-protection', sources: ['kspp'], profile: 'recommended' });
const surf = rowsOf('sysctl', { reason: 'attack-surface', sources: ['kspp'], profile: 'recommended' });
const user = rowsOf('sysctl', { reason: 'userspace-hardening', sources: ['kspp'], profile: 'recommended' });
const net = rowsOf('sysctl', { reason: 'attack-surface', sources: ['distro'], profile: 'recommended' });

/**
 * Runtime settings (`sysctl -a` or /proc/sys). Values are what the running system has, so these checks need the
 * sysctl input; the Kconfig default is not assumed because distributions override most of them at boot. A knob
 * whose feature is not built (`CONFIG_KEXEC_CORE is not set`) is satisfied by that instead.
 */
export const sysctlChecks: readonly HardeningCheck[] = [
  self('net.core.bpf_jit_harden', '2', {
    orElse: [kc('CONFIG_BPF_JIT', 'is not set')],
    why: 'BPF JIT constant blinding for all users (JIT spraying)',
  }),
  self('kernel.oops_limit', '<= 100', {
    andAlso: [sc('kernel.oops_limit', '>= 1')],
    since: '6.2',
    sources: ['kgap'],
    why: 'Too many oopses panic: stops brute-forcing a race',
  }),
  self('kernel.warn_limit', '<= 100', {
    andAlso: [sc('kernel.warn_limit', '>= 1')],
    since: '6.2',
    sources: ['kgap'],
    why: 'Too many warnings panic',
  }),
  self('kernel.panic_on_oops', '1', {
    sources: ['distro'],
    profile: 'strict',
    why: 'The first oops panics',
    cost: 'any oops reboots',
  }),
  self('vm.mmap_min_addr', '>= 65536', { arches: ['x86_64'], why: 'Low 64 KiB cannot be mapped (NULL dereferences)' }),
  self('vm.mmap_min_addr', '>= 32768', {
    id: 'vm.mmap_min_addr@arm',
    arches: ['arm64', 'arm', 'riscv'],
    why: 'Low 32 KiB cannot be mapped',
  }),
  surf('kernel.dmesg_restrict', '1', { why: 'Kernel log readable only by privileged users' }),
  surf('kernel.kptr_restrict', '2', { why: 'Kernel pointers hidden from everyone in /proc and logs' }),
  surf('kernel.perf_event_paranoid', '>= 3', {
    why: 'No perf events for unprivileged users (needs the distro patch; upstream treats 3 as 2)',
  }),
  surf('user.max_user_namespaces', '0', {
    orElse: [kc('CONFIG_USER_NS', 'is not set')],
    profile: 'strict',
    why: 'No user namespaces',
    cost: 'breaks rootless containers and browser sandboxes',
  }),
  surf('kernel.unprivileged_userns_clone', '0', {
    sources: ['distro'],
    profile: 'strict',
    why: 'Debian/Ubuntu switch: no unprivileged user namespaces',
  }),
  surf('dev.tty.ldisc_autoload', '0', { since: '5.1', why: 'No line-discipline autoloading by unprivileged users' }),
  surf('dev.tty.legacy_tiocsti', '0', { since: '6.2', why: 'No TIOCSTI terminal input injection' }),
  surf('kernel.kexec_load_disabled', '1', {
    orElse: [kc('CONFIG_KEXEC_CORE', 'is not set')],
    why: 'kexec disabled until reboot',
  }),
  surf('kernel.kexec_load_limit_panic', '<= 1', {
    orElse: [kc('CONFIG_KEXEC_CORE', 'is not set')],
    since: '6.7',
    sources: ['kgap'],
    why: 'Limits kexec loads of a crash kernel',
  }),
  surf('kernel.kexec_load_limit_reboot', '<= 1', {
    orElse: [kc('CONFIG_KEXEC_CORE', 'is not set')],
    since: '6.7',
    sources: ['kgap'],
    why: 'Limits kexec loads for reboot',
  }),
  surf('kernel.unprivileged_bpf_disabled', '>= 1', {
    orElse: [kc('CONFIG_BPF_SYSCALL', 'is not set')],
    why: 'No bpf(2) for unprivileged users',
  }),
  surf('net.core.bpf_jit_kallsyms', '0', {
    orElse: [kc('CONFIG_BPF_JIT', 'is not set')],
    sources: ['kgap'],
    why: 'JIT image addresses not exposed in kallsyms',
  }),
  surf('vm.unprivileged_userfaultfd', '0', {
    orElse: [kc('CONFIG_USERFAULTFD', 'is not set')],
    since: '5.2',
    why: 'No userfaultfd for unprivileged users (race widening)',
  }),
  surf('kernel.modules_disabled', '1', {
    orElse: [kc('CONFIG_MODULES', 'is not set')],
    profile: 'strict',
    why: 'No more module loading after boot',
  }),
  surf('kernel.sysrq', '0', {
    orElse: [kc('CONFIG_MAGIC_SYSRQ', 'is not set')],
    sources: ['kgap'],
    why: 'SysRq disabled',
  }),
  surf('kernel.io_uring_disabled', '2', {
    orElse: [kc('CONFIG_IO_URING', 'is not set')],
    since: '6.6',
    sources: ['kgap'],
    profile: 'strict',
    why: 'io_uring disabled for everyone',
  }),
  surf('kernel.perf_cpu_time_max_percent', '1', {
    sources: ['distro'],
    profile: 'strict',
    why: 'perf sampling cannot hog the CPU',
  }),
  surf('kernel.ftrace_enabled', '0', {
    orElse: [kc('CONFIG_FUNCTION_TRACER', 'is not set')],
    sources: ['distro'],
    profile: 'strict',
    why: 'Function tracing off at run time',
  }),
  surf('abi.vsyscall32', '0', {
    arches: ['x86_64'],
    sources: ['distro'],
    profile: 'strict',
    why: 'No 32-bit vDSO for compat processes',
  }),
  net('net.ipv4.tcp_syncookies', '1', { why: 'SYN flood protection' }),
  net('net.ipv4.tcp_rfc1337', '1', { why: 'Drops RST packets for TIME-WAIT sockets (TIME-WAIT assassination)' }),
  net('net.ipv4.conf.all.rp_filter', '1', { why: 'Strict reverse-path filtering (spoofed sources)' }),
  net('net.ipv4.conf.default.rp_filter', '1', { why: 'Strict reverse-path filtering on new interfaces' }),
  net('net.ipv4.conf.all.accept_redirects', '0', { why: 'ICMP redirects ignored (route hijacking)' }),
  net('net.ipv4.conf.default.accept_redirects', '0', { why: 'ICMP redirects ignored on new interfaces' }),
  net('net.ipv4.conf.all.secure_redirects', '0', { why: 'Even gateway redirects ignored' }),
  net('net.ipv4.conf.all.send_redirects', '0', { why: 'A host does not send redirects' }),
  net('net.ipv4.conf.all.accept_source_route', '0', { why: 'Source-routed packets dropped' }),
  net('net.ipv6.conf.all.accept_redirects', '0', { why: 'IPv6 redirects ignored' }),
  net('net.ipv6.conf.default.accept_redirects', '0', { why: 'IPv6 redirects ignored on new interfaces' }),
  net('net.ipv6.conf.all.accept_source_route', '0', { why: 'IPv6 source routing dropped' }),
  net('net.ipv4.icmp_echo_ignore_broadcasts', '1', { why: 'No smurf amplification' }),
  net('net.ipv4.conf.all.log_martians', '1', { profile: 'strict', why: 'Impossible source addresses are logged' }),
  user('fs.protected_symlinks', '1', { why: 'No following symlinks in sticky world-writable dirs (/tmp races)' }),
  user('fs.protected_hardlinks', '1', { why: 'No hardlinks to files the user cannot access' }),
  user('fs.protected_fifos', '2', { since: '4.19', why: 'No opening FIFOs of others in sticky dirs' }),
  user('fs.protected_regular', '2', { since: '4.19', why: 'No opening regular files of others in sticky dirs' }),
  user('fs.suid_dumpable', '0', { why: 'setuid programs do not dump core' }),
  user('kernel.randomize_va_space', '2', { why: 'Full user ASLR, including brk' }),
  user('kernel.yama.ptrace_scope', '>= 2', { why: 'ptrace only by admin (KSPP: 3, no ptrace at all)' }),
  user('vm.mmap_rnd_bits', '>= 32', {
    arches: ['x86_64'],
    sources: ['distro'],
    why: 'Maximum mmap ASLR entropy on x86-64',
  }),
  user('vm.mmap_rnd_compat_bits', '>= 16', {
    arches: ['x86_64', 'arm64'],
    sources: ['distro'],
    why: 'Maximum mmap ASLR entropy for compat processes',
  }),
];
