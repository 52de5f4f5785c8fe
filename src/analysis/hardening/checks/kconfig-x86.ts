import type { HardeningCheck } from '../../../domain/hardening-check.js';
import { kc, rowsOf } from './build.js';

const dflt = rowsOf('kconfig', { reason: 'self-protection', sources: ['upstream-default'], profile: 'baseline' });
const kspp = rowsOf('kconfig', { reason: 'self-protection', sources: ['kspp'], profile: 'recommended' });

const X86 = ['x86_64'] as const;
/** An x86 IOMMU option: only meaningful with IOMMU support built. */
const X86_IOMMU = { arches: X86, andAlso: [kc('CONFIG_IOMMU_SUPPORT', 'y')] };
const noIntel = kc('CONFIG_CPU_SUP_INTEL', 'is not set');
const noAmd = kc('CONFIG_CPU_SUP_AMD', 'is not set');
/** The 6.9 rename of the x86 mitigation symbols to CONFIG_MITIGATION_* (kernel commit series by Breno Leitao). */
const renamed69 = (old: string) => [{ name: old, until: '6.9' }];

/** x86-64 specific defenses: CPU vulnerability mitigations, IOMMU, CPU features. */
export const kconfigX86: readonly HardeningCheck[] = [
  dflt('CONFIG_X86_MCE', 'y', {
    arches: X86,
    why: 'Machine-check handling: memory errors are reported, not silently used',
  }),
  dflt('CONFIG_X86_MCE_INTEL', 'y', { arches: X86, orElse: [noIntel], why: 'Intel machine-check support' }),
  dflt('CONFIG_X86_MCE_AMD', 'y', { arches: X86, orElse: [noAmd], why: 'AMD machine-check support' }),
  dflt('CONFIG_MICROCODE', 'y', {
    arches: X86,
    why: 'Microcode loading: most CPU vulnerability fixes need new microcode',
  }),
  dflt('CONFIG_MICROCODE_INTEL', 'y', {
    arches: X86,
    until: '6.6',
    orElse: [noIntel],
    why: 'Intel microcode loader (part of MICROCODE since 6.6)',
  }),
  dflt('CONFIG_MICROCODE_AMD', 'y', {
    arches: X86,
    until: '6.6',
    orElse: [noAmd],
    why: 'AMD microcode loader (part of MICROCODE since 6.6)',
  }),
  dflt('CONFIG_X86_SMAP', 'y', {
    arches: X86,
    until: '5.19',
    why: 'SMAP: the kernel cannot touch user memory by accident (unconditional since 5.19)',
  }),
  dflt('CONFIG_X86_UMIP', 'y', {
    arches: X86,
    since: '4.15',
    renamedFrom: [{ name: 'CONFIG_X86_INTEL_UMIP', until: '5.5' }],
    why: 'UMIP: userspace cannot run SGDT/SIDT/SLDT/SMSW/STR (kernel address leaks)',
  }),
  dflt('CONFIG_CPU_MITIGATIONS', 'y', {
    arches: X86,
    since: '5.19',
    renamedFrom: [{ name: 'CONFIG_SPECULATION_MITIGATIONS', until: '6.9' }],
    why: 'Master switch of the speculative-execution mitigations',
  }),
  dflt('CONFIG_MITIGATION_RETPOLINE', 'y', {
    arches: X86,
    since: '4.15',
    renamedFrom: renamed69('CONFIG_RETPOLINE'),
    why: 'Retpolines against Spectre v2 branch-target injection',
    cost: 'a few % on indirect-call-heavy code',
  }),
  dflt('CONFIG_MITIGATION_PAGE_TABLE_ISOLATION', 'y', {
    arches: X86,
    since: '4.15',
    renamedFrom: renamed69('CONFIG_PAGE_TABLE_ISOLATION'),
    why: 'KPTI against Meltdown: kernel not mapped while in userspace',
    cost: 'up to 5-30% on syscall-heavy loads on affected CPUs',
  }),
  dflt('CONFIG_MITIGATION_RETHUNK', 'y', {
    arches: X86,
    since: '5.19',
    renamedFrom: renamed69('CONFIG_RETHUNK'),
    why: 'Return thunks, the base of the Retbleed/SRSO mitigations',
  }),
  dflt('CONFIG_MITIGATION_UNRET_ENTRY', 'y', {
    arches: X86,
    since: '5.19',
    renamedFrom: renamed69('CONFIG_CPU_UNRET_ENTRY'),
    orElse: [noAmd],
    why: 'Retbleed mitigation for AMD Zen 1/2',
  }),
  dflt('CONFIG_MITIGATION_IBPB_ENTRY', 'y', {
    arches: X86,
    since: '5.19',
    renamedFrom: renamed69('CONFIG_CPU_IBPB_ENTRY'),
    orElse: [noAmd],
    why: 'IBPB on kernel entry (Retbleed, AMD)',
  }),
  dflt('CONFIG_MITIGATION_IBRS_ENTRY', 'y', {
    arches: X86,
    since: '5.19',
    renamedFrom: renamed69('CONFIG_CPU_IBRS_ENTRY'),
    orElse: [noIntel],
    why: 'IBRS on kernel entry (Retbleed, Intel Skylake-era)',
  }),
  dflt('CONFIG_MITIGATION_CALL_DEPTH_TRACKING', 'y', {
    arches: X86,
    since: '6.2',
    renamedFrom: renamed69('CONFIG_CALL_DEPTH_TRACKING'),
    orElse: [noIntel],
    why: 'Call depth tracking, the cheaper Retbleed mitigation for Intel Skylake',
  }),
  dflt('CONFIG_MITIGATION_SRSO', 'y', {
    arches: X86,
    since: '6.5',
    renamedFrom: renamed69('CONFIG_CPU_SRSO'),
    orElse: [noAmd],
    why: 'Speculative Return Stack Overflow (Inception) mitigation, AMD',
  }),
  kspp('CONFIG_MITIGATION_SLS', 'y', {
    arches: X86,
    since: '5.17',
    renamedFrom: renamed69('CONFIG_SLS'),
    why: 'Straight-line speculation hardening (CVE-2021-26341)',
    cost: 'slightly larger kernel text',
  }),
  dflt('CONFIG_MITIGATION_RFDS', 'y', {
    arches: X86,
    since: '6.9',
    orElse: [noIntel],
    why: 'Register File Data Sampling mitigation (Intel Atom)',
  }),
  dflt('CONFIG_MITIGATION_SPECTRE_BHI', 'y', {
    arches: X86,
    since: '6.9',
    orElse: [noIntel],
    why: 'Branch History Injection mitigation (Intel)',
  }),
  dflt('CONFIG_MITIGATION_GDS', 'y', {
    arches: X86,
    since: '6.12',
    upgradeGain: false,
    orElse: [noIntel],
    why: 'Gather Data Sampling (Downfall) mitigation',
  }),
  dflt('CONFIG_MITIGATION_MDS', 'y', {
    arches: X86,
    since: '6.12',
    upgradeGain: false,
    orElse: [noIntel],
    why: 'Microarchitectural Data Sampling mitigation',
  }),
  dflt('CONFIG_MITIGATION_TAA', 'y', {
    arches: X86,
    since: '6.12',
    upgradeGain: false,
    orElse: [noIntel],
    why: 'TSX Async Abort mitigation',
  }),
  dflt('CONFIG_MITIGATION_MMIO_STALE_DATA', 'y', {
    arches: X86,
    since: '6.12',
    upgradeGain: false,
    orElse: [noIntel],
    why: 'MMIO Stale Data mitigation',
  }),
  dflt('CONFIG_MITIGATION_L1TF', 'y', {
    arches: X86,
    since: '6.12',
    upgradeGain: false,
    orElse: [noIntel],
    why: 'L1 Terminal Fault mitigation',
  }),
  dflt('CONFIG_MITIGATION_RETBLEED', 'y', {
    arches: X86,
    since: '6.12',
    upgradeGain: false,
    why: 'Retbleed mitigation selection',
  }),
  dflt('CONFIG_MITIGATION_SPECTRE_V1', 'y', {
    arches: X86,
    since: '6.12',
    upgradeGain: false,
    why: 'Spectre v1 (bounds-check bypass) mitigation',
  }),
  dflt('CONFIG_MITIGATION_SPECTRE_V2', 'y', {
    arches: X86,
    since: '6.12',
    upgradeGain: false,
    why: 'Spectre v2 mitigation selection',
  }),
  dflt('CONFIG_MITIGATION_SRBDS', 'y', {
    arches: X86,
    since: '6.12',
    upgradeGain: false,
    orElse: [noIntel],
    why: 'Special Register Buffer Data Sampling mitigation',
  }),
  dflt('CONFIG_MITIGATION_SSB', 'y', {
    arches: X86,
    since: '6.12',
    upgradeGain: false,
    why: 'Speculative Store Bypass (Spectre v4) mitigation',
  }),
  dflt('CONFIG_MITIGATION_ITS', 'y', {
    arches: X86,
    since: '6.15',
    orElse: [noIntel],
    why: 'Indirect Target Selection mitigation (Intel)',
  }),
  dflt('CONFIG_MITIGATION_TSA', 'y', {
    arches: X86,
    since: '6.16',
    orElse: [noAmd],
    why: 'Transient Scheduler Attacks mitigation (AMD)',
  }),
  dflt('CONFIG_MITIGATION_VMSCAPE', 'y', {
    arches: X86,
    since: '6.17',
    why: 'VMSCAPE mitigation: guest cannot steer host userspace branch prediction',
  }),
  dflt('CONFIG_RANDOMIZE_MEMORY', 'y', { arches: X86, why: 'Randomises the direct map, vmalloc and vmemmap bases' }),
  dflt('CONFIG_X86_KERNEL_IBT', 'y', {
    arches: X86,
    since: '5.18',
    compiler: { cc: 'gcc-or-clang', gcc: 90000, clang: 140000 },
    why: 'Intel CET indirect branch tracking for the kernel (forward-edge CFI in hardware)',
  }),
  dflt('CONFIG_INTEL_IOMMU', 'y', {
    ...X86_IOMMU,
    why: 'Intel VT-d support to confine device DMA',
  }),
  dflt('CONFIG_AMD_IOMMU', 'y', {
    ...X86_IOMMU,
    why: 'AMD-Vi support to confine device DMA',
  }),
  dflt('CONFIG_X86_INTEL_TSX_MODE_OFF', 'y', {
    arches: X86,
    since: '5.4',
    reason: 'attack-surface',
    orElse: [noIntel],
    why: 'TSX off by default: removes the TAA and many side-channel primitives',
  }),
  kspp('CONFIG_INTEL_IOMMU_DEFAULT_ON', 'y', {
    ...X86_IOMMU,
    why: 'VT-d on at boot without a cmdline flag',
  }),
  kspp('CONFIG_INTEL_IOMMU_SVM', 'y', {
    ...X86_IOMMU,
    why: 'Shared virtual memory support through the IOMMU (PASID isolation)',
  }),
  kspp('CONFIG_AMD_IOMMU_V2', 'y', {
    arches: X86,
    until: '6.7',
    andAlso: [kc('CONFIG_IOMMU_SUPPORT', 'y')],
    why: 'AMD IOMMUv2 (merged into AMD_IOMMU in 6.7)',
  }),
  kspp('CONFIG_X86_USER_SHADOW_STACK', 'y', {
    arches: X86,
    since: '6.6',
    reason: 'userspace-hardening',
    why: 'CET shadow stacks for user programs (return-address protection)',
  }),
];
