import type { HardeningCheck } from '../../../domain/hardening-check.js';
import { all, kc, rowsOf } from './build.js';

const dflt = rowsOf('kconfig', {
  reason: 'self-protection',
  sources: ['upstream-default', 'kspp'],
  profile: 'baseline',
});
const kspp = rowsOf('kconfig', { reason: 'self-protection', sources: ['kspp'], profile: 'recommended' });

const noModules = kc('CONFIG_MODULES', 'is not set');
const noEfi = kc('CONFIG_EFI', 'is not set');

/** Where Clang's kCFI exists (x86_64 from 6.1, arm64 from 5.13, Clang 15 or newer): the switch and its mode. */
const CFI = {
  arches: ['x86_64', 'arm64'],
  since: '6.1',
  sinceByArch: { arm64: '5.13' },
  compiler: { cc: 'clang', clang: 150000 },
} as const;

/** Architecture-independent self-protection: memory safety, allocator hardening, integrity of kernel code. */
export const kconfigSelfProtection: readonly HardeningCheck[] = [
  dflt('CONFIG_BUG', 'y', { why: 'BUG() stops the kernel on detected corruption instead of running on' }),
  dflt('CONFIG_SLUB_DEBUG', 'y', {
    why: 'Allocator consistency checks that hardening features rely on; off at boot unless asked',
  }),
  dflt('CONFIG_THREAD_INFO_IN_TASK', 'y', {
    arches: ['x86_64', 'arm64', 'arm', 'riscv'],
    sinceByArch: { arm64: '4.10', arm: '5.16' },
    why: 'Moves thread_info off the stack, so a stack overflow cannot overwrite it',
  }),
  dflt('CONFIG_IOMMU_SUPPORT', 'y', { why: 'Needed to confine device DMA (DMA attacks from peripherals)' }),
  dflt('CONFIG_STACKPROTECTOR', 'y', {
    renamedFrom: [{ name: 'CONFIG_CC_STACKPROTECTOR', until: '4.18' }],
    why: 'Stack canaries detect linear stack buffer overflows before return',
    cost: 'about 1% on syscall-heavy loads',
  }),
  dflt('CONFIG_STACKPROTECTOR_STRONG', 'y', {
    renamedFrom: [{ name: 'CONFIG_CC_STACKPROTECTOR_STRONG', until: '4.18' }],
    why: 'Canaries in every function with local arrays or address-taken locals, not just char buffers',
    cost: 'slightly larger kernel text than the regular protector',
  }),
  dflt('CONFIG_STRICT_KERNEL_RWX', 'y', {
    renamedFrom: [{ name: 'CONFIG_DEBUG_RODATA', until: '4.11' }],
    why: 'Kernel text read-only, data non-executable: no patching code or running data',
  }),
  dflt('CONFIG_STRICT_MODULE_RWX', 'y', {
    renamedFrom: [{ name: 'CONFIG_DEBUG_SET_MODULE_RONX', until: '4.11' }],
    orElse: [noModules],
    why: 'Same W^X protection for loadable modules',
  }),
  dflt('CONFIG_REFCOUNT_FULL', 'y', {
    since: '4.13',
    until: '5.5',
    why: 'Saturating reference counters stop refcount-overflow use-after-free (unconditional since 5.5)',
  }),
  dflt('CONFIG_INIT_STACK_ALL_ZERO', 'y', {
    since: '5.9',
    compiler: { cc: 'gcc-or-clang', gcc: 120000, clang: 80000 },
    orElse: [kc('CONFIG_GCC_PLUGIN_STRUCTLEAK_BYREF_ALL', 'y')],
    why: 'Zero-initialises every stack variable: no uninitialised-stack info leaks or use',
    cost: 'under 1% in most workloads; needs GCC >= 12 or Clang >= 8',
  }),
  dflt('CONFIG_SYN_COOKIES', 'y', { reason: 'self-protection', why: 'Keeps TCP usable under SYN floods' }),
  dflt('CONFIG_HW_RANDOM_TPM', 'y', { why: 'Feeds the TPM RNG into the entropy pool' }),
  dflt('CONFIG_WERROR', 'y', { since: '5.15', why: 'Warnings fail the build, so new unsafe constructs are noticed' }),
  kspp('CONFIG_LIST_HARDENED', 'y', {
    since: '6.6',
    why: 'Cheap integrity checks on linked-list operations (stops list-unlink primitives)',
  }),
  kspp('CONFIG_RANDOM_KMALLOC_CACHES', 'y', {
    since: '6.6',
    why: 'Spreads kmalloc objects over several caches per size, making heap spraying unreliable',
    cost: 'some extra memory for the duplicated caches',
  }),
  kspp('CONFIG_SLAB_BUCKETS', 'y', {
    since: '6.11',
    why: 'Separate kmalloc buckets for user-controlled allocations (anti heap spraying)',
  }),
  kspp('CONFIG_SLAB_MERGE_DEFAULT', 'is not set', {
    since: '4.13',
    why: 'Unmerged slab caches keep objects of different types apart (harder cross-cache overflows)',
    cost: 'some memory: caches of equal size are not shared',
  }),
  kspp('CONFIG_PAGE_TABLE_CHECK', 'y', {
    arches: ['x86_64', 'arm64', 'riscv'],
    since: '5.17',
    sinceByArch: { arm64: '6.0', riscv: '6.0' },
    why: 'Checks that user page-table entries never map a page in conflicting ways',
  }),
  kspp('CONFIG_PAGE_TABLE_CHECK_ENFORCED', 'y', {
    arches: ['x86_64', 'arm64', 'riscv'],
    since: '5.17',
    sinceByArch: { arm64: '6.0', riscv: '6.0' },
    andAlso: [kc('CONFIG_PAGE_TABLE_CHECK', 'y')],
    why: 'Turns the page-table check on at boot instead of only on request',
    cost: 'small overhead on page-table updates',
  }),
  kspp('CONFIG_BUG_ON_DATA_CORRUPTION', 'y', {
    since: '4.10',
    why: 'Detected list/data corruption stops the kernel instead of warning',
  }),
  kspp('CONFIG_SLAB_FREELIST_HARDENED', 'y', {
    since: '4.14',
    why: 'Obfuscates and checks slab freelist pointers (stops freelist hijacking)',
  }),
  kspp('CONFIG_SLAB_FREELIST_RANDOM', 'y', {
    why: 'Randomises the order of new slab objects (less predictable heap layout)',
  }),
  kspp('CONFIG_SHUFFLE_PAGE_ALLOCATOR', 'y', {
    since: '5.2',
    why: 'Randomises page-allocator free lists (needs page_alloc.shuffle=1 on most machines)',
  }),
  kspp('CONFIG_FORTIFY_SOURCE', 'y', {
    since: '4.13',
    why: 'Compile- and run-time bounds checks on memcpy/strcpy and friends',
  }),
  kspp('CONFIG_DEBUG_LIST', 'y', {
    why: 'Full linked-list integrity checks',
    cost: 'small; LIST_HARDENED covers the cheap part',
  }),
  kspp('CONFIG_DEBUG_VIRTUAL', 'y', {
    why: 'Checks virtual-to-physical address conversions',
    cost: 'measurable on some loads',
  }),
  kspp('CONFIG_DEBUG_SG', 'y', { why: 'Checks scatter-gather tables for corruption', cost: 'small' }),
  kspp('CONFIG_INIT_ON_ALLOC_DEFAULT_ON', 'y', {
    since: '5.3',
    why: 'Zeroes heap and page allocations: no stale data leaks through uninitialised memory',
    cost: 'about 1-3% on allocation-heavy loads',
  }),
  kspp('CONFIG_INIT_ON_FREE_DEFAULT_ON', 'y', {
    since: '5.3',
    orElse: [kc('CONFIG_PAGE_POISONING_ZERO', 'y')],
    why: 'Wipes memory when freed: shortens the life of secrets and use-after-free data',
    cost: 'about 3-5%, more than init_on_alloc',
  }),
  kspp('CONFIG_STATIC_USERMODEHELPER', 'y', {
    since: '4.11',
    profile: 'strict',
    why: 'All usermode helpers run through one fixed binary (no writable helper paths)',
    cost: 'needs userspace support to dispatch the helpers',
  }),
  kspp('CONFIG_SCHED_CORE', 'y', {
    since: '5.14',
    why: 'Core scheduling: lets untrusted tasks avoid sharing an SMT core (cross-HT leaks)',
  }),
  kspp('CONFIG_SECURITY_LOCKDOWN_LSM', 'y', {
    since: '5.4',
    why: 'Lockdown LSM: root cannot modify the running kernel',
  }),
  kspp('CONFIG_SECURITY_LOCKDOWN_LSM_EARLY', 'y', { since: '5.4', why: 'Lockdown is active from early boot' }),
  kspp('CONFIG_LOCK_DOWN_KERNEL_FORCE_CONFIDENTIALITY', 'y', {
    since: '5.4',
    profile: 'strict',
    why: 'Lockdown in confidentiality mode: root cannot read kernel memory either',
    cost: 'breaks hibernation, kprobes, raw /dev/mem, some tracing',
  }),
  kspp('CONFIG_DEBUG_CREDENTIALS', 'y', {
    until: '6.7',
    why: 'Sanity checks on credential structures (removed in 6.7)',
  }),
  kspp('CONFIG_DEBUG_NOTIFIERS', 'y', {
    orElse: [all(kc('CONFIG_CFI_CLANG', 'y'), kc('CONFIG_CFI_PERMISSIVE', 'is not set'))],
    why: 'Checks notifier call chains (redundant with enforcing CFI)',
  }),
  kspp('CONFIG_SCHED_STACK_END_CHECK', 'y', {
    orElse: [kc('CONFIG_VMAP_STACK', 'y')],
    why: 'Detects a task that overran its stack (guard pages do it better)',
  }),
  kspp('CONFIG_KFENCE', 'y', {
    since: '5.12',
    why: 'Sampling detector of heap out-of-bounds and use-after-free in production',
    cost: 'negligible at the default interval',
  }),
  kspp('CONFIG_KFENCE_SAMPLE_INTERVAL', '<= 100', {
    since: '5.12',
    andAlso: [kc('CONFIG_KFENCE', 'y'), kc('CONFIG_KFENCE_SAMPLE_INTERVAL', '>= 1')],
    why: 'Samples often enough (1-100 ms; 0 leaves KFENCE off until enabled at boot) to catch exploitation attempts',
  }),
  kspp('CONFIG_RANDSTRUCT_FULL', 'y', {
    since: '4.13',
    renamedFrom: [{ name: 'CONFIG_GCC_PLUGIN_RANDSTRUCT', until: '5.19' }],
    compiler: { cc: 'gcc-or-clang', clang: 150000 },
    profile: 'strict',
    why: 'Randomises the layout of sensitive structures per build',
    cost: 'breaks out-of-tree modules and debugging without the build seed',
  }),
  kspp('CONFIG_HARDENED_USERCOPY', 'y', { why: 'Bounds checks on copy_to/from_user against slab and stack objects' }),
  kspp('CONFIG_HARDENED_USERCOPY_FALLBACK', 'is not set', {
    since: '4.16',
    until: '5.16',
    why: 'Usercopy whitelist violations must fail, not just warn',
  }),
  kspp('CONFIG_HARDENED_USERCOPY_PAGESPAN', 'is not set', {
    until: '5.18',
    why: 'Debug-only check with false positives; not needed for security',
  }),
  kspp('CONFIG_GCC_PLUGIN_LATENT_ENTROPY', 'y', {
    compiler: { cc: 'gcc' },
    why: 'Extracts entropy from early boot execution (gcc plugin)',
    cost: 'slower boot and build',
  }),
  kspp('CONFIG_MODULE_SIG', 'y', { orElse: [noModules], why: 'Modules carry signatures' }),
  kspp('CONFIG_MODULE_SIG_ALL', 'y', { orElse: [noModules], why: 'Every module is signed at build time' }),
  kspp('CONFIG_MODULE_SIG_SHA512', 'y', {
    orElse: [kc('CONFIG_MODULE_SIG_SHA3_512', 'y'), noModules],
    why: 'Strong hash for module signatures',
  }),
  kspp('CONFIG_MODULE_SIG_FORCE', 'y', { orElse: [noModules], why: 'Unsigned modules are refused' }),
  kspp('CONFIG_EFI_DISABLE_PCI_DMA', 'y', {
    since: '5.6',
    orElse: [noEfi],
    why: 'Closes the DMA window during boot before the IOMMU is up',
  }),
  kspp('CONFIG_RESET_ATTACK_MITIGATION', 'y', {
    orElse: [noEfi],
    why: 'Asks firmware to wipe RAM after an unclean reboot (cold-boot attacks)',
    cost: 'needs userspace (systemd) to clear the flag on clean shutdown',
  }),
  kspp('CONFIG_UBSAN_BOUNDS', 'y', { since: '5.7', why: 'Array index bounds checking at run time' }),
  kspp('CONFIG_UBSAN_LOCAL_BOUNDS', 'y', {
    since: '5.11',
    orElse: [all(kc('CONFIG_UBSAN_BOUNDS', 'y'), kc('CONFIG_CC_IS_GCC', 'y'))],
    why: 'Bounds checks on local arrays too (implied with GCC)',
  }),
  kspp('CONFIG_UBSAN_TRAP', 'y', {
    since: '5.7',
    andAlso: [
      kc('CONFIG_UBSAN_BOUNDS', 'y'),
      kc('CONFIG_UBSAN_SHIFT', 'is not set'),
      kc('CONFIG_UBSAN_DIV_ZERO', 'is not set'),
      kc('CONFIG_UBSAN_UNREACHABLE', 'is not set'),
      kc('CONFIG_UBSAN_BOOL', 'is not set'),
      kc('CONFIG_UBSAN_ENUM', 'is not set'),
      kc('CONFIG_UBSAN_ALIGNMENT', 'is not set'),
    ],
    why: 'Bounds violations trap; only the bounds sanitizer is on (no debug-only sanitizers)',
  }),
  kspp('CONFIG_UBSAN_SANITIZE_ALL', 'y', {
    until: '6.9',
    andAlso: [kc('CONFIG_UBSAN_BOUNDS', 'y')],
    why: 'Applies UBSAN to the whole kernel (the default since 6.9)',
  }),
  kspp('CONFIG_KSTACK_ERASE', 'y', {
    id: 'CONFIG_KSTACK_ERASE',
    // riscv gained stack erasing after 6.8 (absent from Ubuntu's 6.8 riscv config); the exact release is not
    // pinned here, so riscv is left out rather than given a guessed version.
    arches: ['x86_64', 'arm64'],
    since: '4.20',
    renamedFrom: [{ name: 'CONFIG_GCC_PLUGIN_STACKLEAK', until: '6.17' }],
    compiler: { cc: 'gcc' },
    why: 'Erases the kernel stack on return to userspace (no leaks of stale stack data)',
    cost: 'a few % on syscall-heavy loads',
  }),
  kspp('CONFIG_KSTACK_ERASE_METRICS', 'is not set', {
    arches: ['x86_64', 'arm64'],
    since: '4.20',
    renamedFrom: [{ name: 'CONFIG_STACKLEAK_METRICS', until: '6.17' }],
    why: 'Debug metrics of stack erasing leak stack depth to userspace',
  }),
  kspp('CONFIG_KSTACK_ERASE_RUNTIME_DISABLE', 'is not set', {
    arches: ['x86_64', 'arm64'],
    since: '4.20',
    renamedFrom: [{ name: 'CONFIG_STACKLEAK_RUNTIME_DISABLE', until: '6.17' }],
    why: 'Stack erasing cannot be switched off at run time',
  }),
  kspp('CONFIG_RANDOMIZE_KSTACK_OFFSET_DEFAULT', 'y', {
    // riscv support came after 6.8 (see CONFIG_KSTACK_ERASE); left out rather than guessed.
    arches: ['x86_64', 'arm64'],
    since: '5.13',
    why: 'Random kernel stack offset on every syscall (defeats stack-layout-dependent attacks)',
    cost: 'about 1% on syscall-heavy loads',
  }),
  kspp('CONFIG_CFI_CLANG', 'y', {
    ...CFI,
    why: 'Control-flow integrity: indirect calls can only reach functions of the right type',
    cost: 'a few %; needs Clang',
  }),
  kspp('CONFIG_CFI_PERMISSIVE', 'is not set', {
    ...CFI,
    andAlso: [kc('CONFIG_CFI_CLANG', 'y')],
    why: 'CFI violations stop the kernel instead of warning',
  }),
  kspp('CONFIG_ZERO_CALL_USED_REGS', 'y', {
    arches: ['x86_64', 'arm64'],
    since: '5.15',
    compiler: { cc: 'gcc-or-clang', gcc: 110000, clang: 150000 },
    why: 'Zeroes used registers on function return (fewer ROP gadgets, fewer leaks)',
    cost: 'about 1%',
  }),
  kspp('CONFIG_IOMMU_DEFAULT_DMA_STRICT', 'y', {
    since: '5.15',
    why: 'IOMMU TLB invalidated synchronously on unmap: no window for stale DMA',
    cost: 'lower I/O throughput on some devices',
  }),
  kspp('CONFIG_IOMMU_DEFAULT_PASSTHROUGH', 'is not set', {
    since: '4.19',
    why: 'Devices go through IOMMU translation, not identity mapping',
  }),
  kspp('CONFIG_DEFAULT_MMAP_MIN_ADDR', '>= 65536', {
    arches: ['x86_64'],
    why: 'Userspace cannot map the low 64 KiB (NULL-dereference exploitation)',
  }),
  kspp('CONFIG_DEFAULT_MMAP_MIN_ADDR', '>= 32768', {
    id: 'CONFIG_DEFAULT_MMAP_MIN_ADDR@arm',
    arches: ['arm64', 'arm', 'riscv'],
    why: 'Userspace cannot map the low 32 KiB (NULL-dereference exploitation)',
  }),
  dflt('CONFIG_DEBUG_WX', 'y', {
    arches: ['x86_64', 'arm64', 'arm', 'riscv'],
    sinceByArch: { arm64: '4.10', arm: '4.16', riscv: '5.11' },
    why: 'Warns at boot about memory that is both writable and executable',
  }),
  dflt('CONFIG_VMAP_STACK', 'y', {
    arches: ['x86_64', 'arm64', 'arm', 'riscv'],
    sinceByArch: { arm64: '4.14', arm: '5.18', riscv: '5.13' },
    why: 'Kernel stacks in vmalloc space with guard pages: overflows fault instead of corrupting memory',
  }),
  dflt('CONFIG_RANDOMIZE_BASE', 'y', {
    arches: ['x86_64', 'arm64', 'riscv'],
    sinceByArch: { riscv: '6.6' },
    why: 'KASLR: the kernel image is loaded at a random address',
  }),
  kspp('CONFIG_SHADOW_CALL_STACK', 'y', {
    arches: ['arm64', 'riscv'],
    since: '5.8',
    sinceByArch: { riscv: '6.9' },
    compiler: { cc: 'clang' },
    why: 'Return addresses on a separate shadow stack (stops return-address overwrites)',
  }),
  dflt('CONFIG_STACKPROTECTOR_PER_TASK', 'y', {
    arches: ['arm64', 'arm', 'riscv'],
    sinceByArch: { arm64: '5.0', arm: '5.2', riscv: '5.5' },
    why: 'A different stack canary per task (one leaked canary does not unlock all)',
  }),
  kspp('CONFIG_ARCH_MMAP_RND_BITS', 'equals CONFIG_ARCH_MMAP_RND_BITS_MAX', {
    reason: 'userspace-hardening',
    sources: ['kgap'],
    why: 'Maximum ASLR entropy for user mmap base',
  }),
  kspp('CONFIG_ARCH_MMAP_RND_COMPAT_BITS', 'equals CONFIG_ARCH_MMAP_RND_COMPAT_BITS_MAX', {
    arches: ['x86_64', 'arm64'],
    reason: 'userspace-hardening',
    sources: ['kgap'],
    orElse: [kc('CONFIG_COMPAT', 'is not set')],
    why: 'Maximum ASLR entropy for 32-bit compat processes',
  }),
  kspp('CONFIG_COREDUMP', 'is not set', {
    reason: 'userspace-hardening',
    sources: ['clipos'],
    profile: 'strict',
    why: 'No core dumps: secrets of crashed processes stay in memory only',
    cost: 'no post-mortem debugging of userspace crashes',
  }),
  kspp('CONFIG_SECURITY_DMESG_RESTRICT', 'y', {
    reason: 'attack-surface',
    why: 'Only privileged users read the kernel log (addresses, state)',
  }),
];
