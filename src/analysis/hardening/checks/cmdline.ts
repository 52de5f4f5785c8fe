import type { Condition, HardeningCheck } from '../../../domain/hardening-check.js';
import { all, cl, kc, rowsOf } from './build.js';

const dflt = rowsOf('cmdline', { reason: 'self-protection', sources: ['upstream-default'], profile: 'baseline' });
const kspp = rowsOf('cmdline', { reason: 'self-protection', sources: ['kspp'], profile: 'recommended' });

const X86 = ['x86_64'] as const;
const ARM64 = ['arm64'] as const;

/** `param=want`, or the param absent and the Kconfig default already gives the same. */
const orDefault = (param: string, kconfig: Condition) => [all(kconfig, cl(param, 'is not set'))];
/** A mitigation switch is on when neither its own parameter nor `mitigations=off` turns it off. */
const notOff = (param: string, why: string, since?: string) =>
  dflt(param, 'is not off', {
    arches: X86,
    andAlso: [cl('mitigations', 'is not off')],
    why,
    ...(since ? { since } : {}),
  });

/** Boot parameters: the command line can switch most defenses off, and a few on. */
export const cmdlineChecks: readonly HardeningCheck[] = [
  dflt('nosmep', 'is not set', {
    arches: X86,
    until: '5.19',
    why: 'SMEP stays on (kernel cannot execute user pages); the parameter is gone since 5.19',
  }),
  dflt('nosmap', 'is not set', {
    arches: X86,
    until: '5.19',
    why: 'SMAP stays on (kernel cannot access user pages by accident); the parameter is gone since 5.19',
  }),
  dflt('nokaslr', 'is not set', { arches: ['x86_64', 'arm64', 'riscv'], why: 'KASLR stays on' }),
  dflt('nopti', 'is not set', { arches: X86, why: 'Page-table isolation stays on' }),
  dflt('pti', 'is not off', { arches: X86, why: 'Page-table isolation is not switched off' }),
  dflt('nospectre_v1', 'is not set', { arches: X86, why: 'Spectre v1 mitigation stays on' }),
  dflt('nospectre_v2', 'is not set', { arches: ['x86_64', 'arm64'], why: 'Spectre v2 mitigation stays on' }),
  dflt('nospectre_bhb', 'is not set', { arches: ARM64, since: '5.17', why: 'Spectre-BHB mitigation stays on' }),
  dflt('nospec_store_bypass_disable', 'is not set', {
    arches: X86,
    why: 'Speculative Store Bypass mitigation stays on',
  }),
  dflt('dis_ucode_ldr', 'is not set', { arches: X86, why: 'Microcode updates are loaded' }),
  dflt('arm64.nobti', 'is not set', { arches: ARM64, since: '5.12', why: 'BTI stays on' }),
  dflt('arm64.nopauth', 'is not set', { arches: ARM64, since: '5.12', why: 'Pointer authentication stays on' }),
  dflt('arm64.nomte', 'is not set', { arches: ARM64, since: '5.18', why: 'MTE stays on' }),
  dflt('noexec', 'is not off', { arches: X86, why: 'NX (non-executable data) stays on' }),
  dflt('mitigations', 'is not off', { why: 'CPU vulnerability mitigations are not all switched off' }),
  notOff('spectre_v2', 'Spectre v2 mitigation is not switched off'),
  notOff('spectre_v2_user', 'Spectre v2 user-to-user mitigation is not switched off'),
  notOff('spectre_bhi', 'Branch History Injection mitigation is not switched off', '6.9'),
  notOff('spec_store_bypass_disable', 'Speculative Store Bypass mitigation is not switched off'),
  notOff('l1tf', 'L1 Terminal Fault mitigation is not switched off'),
  notOff('mds', 'MDS mitigation is not switched off', '5.2'),
  notOff('tsx_async_abort', 'TSX Async Abort mitigation is not switched off', '5.4'),
  notOff('srbds', 'SRBDS mitigation is not switched off', '5.8'),
  notOff('mmio_stale_data', 'MMIO Stale Data mitigation is not switched off', '5.19'),
  notOff('retbleed', 'Retbleed mitigation is not switched off', '5.19'),
  notOff('spec_rstack_overflow', 'SRSO (Inception) mitigation is not switched off', '6.5'),
  notOff('gather_data_sampling', 'Gather Data Sampling (Downfall) mitigation is not switched off', '6.5'),
  notOff('reg_file_data_sampling', 'Register File Data Sampling mitigation is not switched off', '6.9'),
  notOff('indirect_target_selection', 'Indirect Target Selection mitigation is not switched off', '6.15'),
  notOff('tsa', 'Transient Scheduler Attacks mitigation is not switched off', '6.16'),
  notOff('vmscape', 'VMSCAPE mitigation is not switched off', '6.17'),
  dflt('kpti', 'is not off', {
    arches: ARM64,
    andAlso: [cl('mitigations', 'is not off')],
    why: 'arm64 KPTI is not switched off',
  }),
  dflt('ssbd', 'kernel', {
    arches: ARM64,
    orElse: [cl('ssbd', 'force-on'), cl('ssbd', 'is not set')],
    why: 'Speculative Store Bypass Disable is not forced off',
  }),
  dflt('rodata', 'full', {
    id: 'rodata@arm64',
    arches: ARM64,
    orElse: orDefault('rodata', kc('CONFIG_RODATA_FULL_DEFAULT_ENABLED', 'y')),
    why: 'Read-only data also protected in the linear map',
  }),
  dflt('rodata', 'is not off', { arches: ['x86_64', 'arm', 'riscv'], why: 'Kernel read-only data stays read-only' }),
  dflt('ibt', 'is not off', { arches: X86, since: '5.18', why: 'Indirect Branch Tracking is not switched off' }),
  dflt('no_hash_pointers', 'is not set', {
    since: '5.12',
    reason: 'attack-surface',
    why: 'Kernel pointers printed with %p stay hashed (no address leaks in logs)',
  }),
  kspp('mitigations', 'auto,nosmt', {
    id: 'mitigations:auto,nosmt',
    arches: X86,
    profile: 'strict',
    why: 'All mitigations, and SMT off where a CPU bug needs it',
    cost: 'losing SMT costs up to 30% throughput on affected CPUs',
  }),
  kspp('pti', 'on', {
    id: 'pti:on',
    arches: X86,
    profile: 'strict',
    why: 'Page-table isolation even on CPUs that claim not to need it',
  }),
  kspp('slab_merge', 'is not set', { why: 'Slab merging is not forced back on' }),
  kspp('slub_merge', 'is not set', { why: 'Slab merging is not forced back on (old spelling)' }),
  kspp('slab_nomerge', 'is present', {
    orElse: [
      all(
        kc('CONFIG_SLAB_MERGE_DEFAULT', 'is not set'),
        cl('slab_merge', 'is not set'),
        cl('slub_merge', 'is not set'),
      ),
    ],
    why: 'Slab caches are not merged (harder cross-cache heap attacks)',
  }),
  kspp('page_alloc.shuffle', '1', { since: '5.2', why: 'Page allocator free lists are randomised' }),
  kspp('init_on_alloc', '1', {
    since: '5.3',
    orElse: orDefault('init_on_alloc', kc('CONFIG_INIT_ON_ALLOC_DEFAULT_ON', 'y')),
    why: 'Allocations are zeroed',
  }),
  kspp('init_on_free', '1', {
    since: '5.3',
    orElse: orDefault('init_on_free', kc('CONFIG_INIT_ON_FREE_DEFAULT_ON', 'y')),
    why: 'Freed memory is wiped',
    cost: 'about 3-5%',
  }),
  kspp('hardened_usercopy', '1', {
    since: '5.16',
    orElse: orDefault('hardened_usercopy', kc('CONFIG_HARDENED_USERCOPY', 'y')),
    why: 'Usercopy bounds checks are on',
  }),
  kspp('slab_common.usercopy_fallback', 'is not set', {
    andAlso: [kc('CONFIG_HARDENED_USERCOPY_FALLBACK', 'is not set')],
    why: 'Usercopy whitelist violations are not allowed through',
  }),
  kspp('kfence.sample_interval', '<= 100', {
    since: '5.12',
    andAlso: [cl('kfence.sample_interval', '>= 1')],
    orElse: [
      all(
        kc('CONFIG_KFENCE_SAMPLE_INTERVAL', '<= 100'),
        kc('CONFIG_KFENCE_SAMPLE_INTERVAL', '>= 1'),
        cl('kfence.sample_interval', 'is not set'),
      ),
    ],
    why: 'KFENCE samples often enough to catch heap bugs',
  }),
  kspp('iommu.strict', '1', {
    arches: ['x86_64', 'arm64'],
    orElse: orDefault('iommu.strict', kc('CONFIG_IOMMU_DEFAULT_DMA_STRICT', 'y')),
    why: 'IOMMU invalidation is synchronous',
  }),
  kspp('iommu.passthrough', '0', {
    arches: ['x86_64', 'arm64'],
    orElse: orDefault('iommu.passthrough', kc('CONFIG_IOMMU_DEFAULT_PASSTHROUGH', 'is not set')),
    why: 'Devices are not given identity-mapped DMA',
  }),
  kspp('randomize_kstack_offset', '1', {
    arches: ['x86_64', 'arm64'],
    since: '5.13',
    orElse: orDefault('randomize_kstack_offset', kc('CONFIG_RANDOMIZE_KSTACK_OFFSET_DEFAULT', 'y')),
    why: 'Kernel stack offset randomised per syscall',
  }),
  kspp('intel_iommu', 'contains on', {
    arches: X86,
    orElse: orDefault('intel_iommu', kc('CONFIG_INTEL_IOMMU_DEFAULT_ON', 'y')),
    why: 'VT-d is on',
  }),
  kspp('amd_iommu', 'is not off', { arches: X86, why: 'AMD IOMMU is not switched off' }),
  kspp('iommu', 'force', {
    arches: X86,
    sources: ['clipos'],
    profile: 'strict',
    why: 'IOMMU forced on even where the firmware says it is not needed',
  }),
  kspp('efi', 'contains disable_early_pci_dma', {
    since: '5.6',
    orElse: [kc('CONFIG_EFI_DISABLE_PCI_DMA', 'y'), kc('CONFIG_EFI', 'is not set')],
    why: 'Bus mastering off during EFI boot until the IOMMU is up',
  }),
  kspp('cfi', 'kcfi', {
    arches: X86,
    since: '6.2',
    profile: 'strict',
    upgradeGain: false,
    why: 'Software kCFI rather than FineIBT',
  }),
  kspp('l1d_flush', 'on', {
    arches: X86,
    since: '5.15',
    sources: ['distro'],
    profile: 'strict',
    why: 'Opt-in L1D flush on context switch',
  }),
  kspp('lockdown', 'confidentiality', {
    since: '5.4',
    profile: 'strict',
    orElse: [kc('CONFIG_LOCK_DOWN_KERNEL_FORCE_CONFIDENTIALITY', 'y')],
    why: 'Lockdown in confidentiality mode',
  }),
  kspp('module.sig_enforce', '1', {
    orElse: [kc('CONFIG_MODULE_SIG_FORCE', 'y'), kc('CONFIG_MODULES', 'is not set')],
    why: 'Unsigned modules are refused',
  }),
  kspp('random.trust_cpu', '0', {
    sources: ['distro'],
    profile: 'strict',
    why: 'The RNG does not credit the CPU (RDRAND) as trusted entropy',
  }),
  kspp('random.trust_bootloader', '0', {
    since: '5.19',
    sources: ['distro'],
    profile: 'strict',
    why: 'The RNG does not credit bootloader seeds',
  }),
  kspp('oops', 'panic', {
    sources: ['distro'],
    profile: 'strict',
    why: 'An oops panics: a failed exploit attempt cannot be retried',
    cost: 'any oops reboots',
  }),
  kspp('extra_latent_entropy', 'is present', {
    sources: ['distro'],
    profile: 'strict',
    andAlso: [kc('CONFIG_GCC_PLUGIN_LATENT_ENTROPY', 'y')],
    why: 'Latent entropy also gathered from early page allocations',
  }),
  kspp('selinux', 'is not off', { reason: 'security-policy', why: 'SELinux is not disabled at boot' }),
  kspp('apparmor', 'is not off', { reason: 'security-policy', why: 'AppArmor is not disabled at boot' }),
  kspp('enforcing', 'is not off', { reason: 'security-policy', why: 'SELinux does not boot permissive' }),
  kspp('audit', 'is not off', {
    reason: 'security-policy',
    sources: ['distro'],
    why: 'Kernel auditing is not disabled at boot',
  }),
  kspp('nosmt', 'is present', {
    reason: 'attack-surface',
    profile: 'strict',
    arches: X86,
    why: 'SMT off: no cross-thread side channels',
    cost: 'high: up to 30% throughput',
  }),
  kspp('tsx', 'off', {
    reason: 'attack-surface',
    arches: X86,
    since: '5.4',
    orElse: [...orDefault('tsx', kc('CONFIG_X86_INTEL_TSX_MODE_OFF', 'y')), kc('CONFIG_CPU_SUP_INTEL', 'is not set')],
    why: 'TSX is off',
  }),
  kspp('vsyscall', 'none', {
    reason: 'attack-surface',
    arches: X86,
    orElse: [
      kc('CONFIG_X86_VSYSCALL_EMULATION', 'is not set'),
      ...orDefault('vsyscall', kc('CONFIG_LEGACY_VSYSCALL_NONE', 'y')),
    ],
    why: 'No vsyscall page',
  }),
  kspp('vdso32', '<= 1', {
    reason: 'attack-surface',
    arches: X86,
    orElse: orDefault('vdso32', kc('CONFIG_COMPAT_VDSO', 'is not set')),
    why: 'The 32-bit vDSO is not at a fixed address (vdso32=2)',
  }),
  kspp('debugfs', 'off', {
    reason: 'attack-surface',
    since: '5.10',
    sources: ['grsecurity'],
    profile: 'strict',
    orElse: [kc('CONFIG_DEBUG_FS', 'is not set')],
    why: 'debugfs is not available',
  }),
  kspp('sysrq_always_enabled', 'is not set', {
    reason: 'attack-surface',
    sources: ['kgap'],
    why: 'SysRq is not forced on',
  }),
  kspp('bdev_allow_write_mounted', '0', {
    reason: 'attack-surface',
    since: '6.8',
    sources: ['kgap'],
    orElse: orDefault('bdev_allow_write_mounted', kc('CONFIG_BLK_DEV_WRITE_MOUNTED', 'is not set')),
    why: 'No writes to block devices of mounted filesystems',
  }),
  kspp('ia32_emulation', '0', {
    reason: 'attack-surface',
    arches: X86,
    since: '6.7',
    sources: ['kgap'],
    profile: 'strict',
    orElse: [
      kc('CONFIG_IA32_EMULATION', 'is not set'),
      ...orDefault('ia32_emulation', kc('CONFIG_IA32_EMULATION_DEFAULT_DISABLED', 'y')),
    ],
    why: '32-bit syscall emulation off at boot',
  }),
  kspp('norandmaps', 'is not set', {
    reason: 'userspace-hardening',
    sources: ['upstream-default'],
    profile: 'baseline',
    why: 'User ASLR stays on',
  }),
];
