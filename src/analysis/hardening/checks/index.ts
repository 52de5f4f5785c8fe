import type { HardeningCheck } from '../../../domain/hardening-check.js';
import { cmdlineChecks } from './cmdline.js';
import { kconfigArm } from './kconfig-arm.js';
import { kconfigAttackSurface } from './kconfig-attack-surface.js';
import { kconfigSecurityPolicy } from './kconfig-security-policy.js';
import { kconfigSelfProtection } from './kconfig-self-protection.js';
import { kconfigX86 } from './kconfig-x86.js';
import { sysctlChecks } from './sysctl.js';

/** The whole checklist, in a stable order (JSON and docs follow it). Ids are unique (tested). */
export const hardeningChecks: readonly HardeningCheck[] = [
  ...kconfigSelfProtection,
  ...kconfigX86,
  ...kconfigArm,
  ...kconfigSecurityPolicy,
  ...kconfigAttackSurface,
  ...cmdlineChecks,
  ...sysctlChecks,
];
