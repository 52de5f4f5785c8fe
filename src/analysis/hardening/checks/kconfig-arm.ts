import type { HardeningCheck } from '../../../domain/hardening-check.js';
import { all, kc, rowsOf } from './build.js';

const dflt = rowsOf('kconfig', { reason: 'self-protection', sources: ['upstream-default'], profile: 'baseline' });
const kspp = rowsOf('kconfig', { reason: 'self-protection', sources: ['kspp'], profile: 'recommended' });

const ARM64 = ['arm64'] as const;
const ARM = ['arm'] as const;

/** arm64 and 32-bit arm defenses: PAN, PAC, BTI, MTE, branch-predictor hardening. */
export const kconfigArm: readonly HardeningCheck[] = [
  dflt('CONFIG_ARM64_PAN', 'y', {
    arches: ARM64,
    why: 'Privileged Access Never: the kernel cannot touch user memory by accident',
  }),
  dflt('CONFIG_ARM64_EPAN', 'y', {
    arches: ARM64,
    since: '5.13',
    why: 'Enhanced PAN: also covers execute-only user mappings',
  }),
  dflt('CONFIG_UNMAP_KERNEL_AT_EL0', 'y', {
    arches: ARM64,
    since: '4.15',
    why: 'KPTI for arm64 (Meltdown, and hides the kernel from EL0)',
  }),
  dflt('CONFIG_ARM64_E0PD', 'y', {
    arches: ARM64,
    since: '5.6',
    why: 'Hardware faults EL0 accesses to kernel addresses without KPTI cost',
  }),
  dflt('CONFIG_RODATA_FULL_DEFAULT_ENABLED', 'y', {
    arches: ARM64,
    since: '5.0',
    why: 'Read-only data also in the linear map alias',
  }),
  dflt('CONFIG_ARM64_PTR_AUTH_KERNEL', 'y', {
    arches: ARM64,
    since: '5.14',
    orElse: [all(kc('CONFIG_ARM64_PTR_AUTH', 'y'), kc('CONFIG_CC_HAS_BRANCH_PROT_PAC_RET', 'y'))],
    why: 'Pointer authentication of kernel return addresses (ARMv8.3 PAC)',
  }),
  dflt('CONFIG_ARM64_BTI_KERNEL', 'y', {
    arches: ARM64,
    since: '5.8',
    why: 'Branch Target Identification for the kernel (ARMv8.5)',
  }),
  dflt('CONFIG_MITIGATE_SPECTRE_BRANCH_HISTORY', 'y', { arches: ARM64, since: '5.17', why: 'Spectre-BHB mitigation' }),
  dflt('CONFIG_ARM64_MTE', 'y', { arches: ARM64, since: '5.10', why: 'Memory Tagging Extension support (ARMv8.5)' }),
  dflt('CONFIG_RANDOMIZE_MODULE_REGION_FULL', 'y', {
    arches: ARM64,
    why: 'Modules randomised over the full module range, not just near the kernel',
  }),
  dflt('CONFIG_HARDEN_EL2_VECTORS', 'y', {
    arches: ARM64,
    since: '4.17',
    until: '5.9',
    why: 'Hides the hypervisor vector addresses (folded into RANDOMIZE_BASE in 5.9)',
  }),
  dflt('CONFIG_HARDEN_BRANCH_PREDICTOR', 'y', {
    arches: ['arm64', 'arm'],
    sinceByArch: { arm64: '4.16', arm: '4.18' },
    why: 'Branch predictor invalidation on context switch (Spectre v2)',
  }),
  dflt('CONFIG_HARDEN_BRANCH_HISTORY', 'y', {
    arches: ARM,
    since: '5.17',
    why: 'Spectre-BHB mitigation on 32-bit arm',
  }),
  dflt('CONFIG_CPU_SW_DOMAIN_PAN', 'y', { arches: ARM, why: 'Software PAN with memory domains on 32-bit arm' }),
  dflt('CONFIG_DEBUG_ALIGN_RODATA', 'y', {
    arches: ARM,
    why: 'Section-aligned rodata so it can really be made read-only',
  }),
  kspp('CONFIG_ARM64_SW_TTBR0_PAN', 'y', {
    arches: ARM64,
    since: '4.10',
    why: 'Software PAN for CPUs without hardware PAN',
  }),
  kspp('CONFIG_UNWIND_PATCH_PAC_INTO_SCS', 'y', {
    arches: ARM64,
    since: '6.3',
    andAlso: [kc('CONFIG_SHADOW_CALL_STACK', 'y')],
    why: 'Uses PAC where the CPU has it and shadow call stack where it does not, in one image',
  }),
  kspp('CONFIG_KASAN_HW_TAGS', 'y', {
    arches: ARM64,
    since: '5.11',
    profile: 'strict',
    why: 'MTE-based KASAN: catches heap memory-safety bugs on MTE hardware in production',
    cost: 'needs MTE hardware; some memory for tags',
  }),
  kspp('CONFIG_ARM64_PTR_AUTH', 'y', {
    arches: ARM64,
    since: '5.0',
    reason: 'userspace-hardening',
    sources: ['upstream-default'],
    profile: 'baseline',
    why: 'Pointer authentication for user programs',
  }),
  kspp('CONFIG_ARM64_BTI', 'y', {
    arches: ARM64,
    since: '5.8',
    reason: 'userspace-hardening',
    sources: ['upstream-default'],
    profile: 'baseline',
    why: 'BTI for user programs',
  }),
  kspp('CONFIG_ARM64_GCS', 'y', {
    arches: ARM64,
    since: '6.13',
    reason: 'userspace-hardening',
    why: 'Guarded Control Stack (hardware shadow stack) for user programs',
  }),
  kspp('CONFIG_VMSPLIT_3G', 'y', {
    arches: ARM,
    reason: 'userspace-hardening',
    sources: ['upstream-default'],
    profile: 'baseline',
    why: '3G/1G split: most room for user ASLR on 32-bit',
  }),
];
