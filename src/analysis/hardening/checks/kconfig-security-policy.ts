import type { HardeningCheck } from '../../../domain/hardening-check.js';
import { kc, rowsOf } from './build.js';

const dflt = rowsOf('kconfig', { reason: 'security-policy', sources: ['upstream-default'], profile: 'baseline' });
const kspp = rowsOf('kconfig', { reason: 'security-policy', sources: ['kspp'], profile: 'recommended' });

/** LSMs and their configuration: who may do what, enforced by the kernel. */
export const kconfigSecurityPolicy: readonly HardeningCheck[] = [
  dflt('CONFIG_SECURITY', 'y', { why: 'The LSM framework every security module needs' }),
  kspp('CONFIG_SECURITY_YAMA', 'y', {
    why: 'Yama: restricts ptrace to descendants (stops credential theft between processes)',
  }),
  kspp('CONFIG_SECURITY_LANDLOCK', 'y', {
    since: '5.13',
    why: 'Landlock: unprivileged processes can sandbox themselves',
  }),
  kspp('CONFIG_SECURITY_SELINUX_DISABLE', 'is not set', {
    until: '6.4',
    why: 'SELinux cannot be disabled at run time (needs writable hooks)',
  }),
  kspp('CONFIG_SECURITY_SELINUX_BOOTPARAM', 'is not set', {
    why: 'selinux=0 on the command line cannot switch SELinux off',
  }),
  kspp('CONFIG_SECURITY_SELINUX_DEVELOP', 'is not set', {
    why: 'SELinux cannot boot in permissive (development) mode',
  }),
  kspp('CONFIG_SECURITY_SELINUX_DEBUG', 'is not set', {
    since: '6.6',
    upgradeGain: false,
    why: 'No SELinux debug output',
  }),
  kspp('CONFIG_SECURITY_WRITABLE_HOOKS', 'is not set', { until: '6.4', why: 'LSM hooks stay read-only after init' }),
  kspp('CONFIG_SECURITY_SELINUX', 'y', {
    id: 'mac-lsm',
    sources: ['kgap', 'distro'],
    orElse: [kc('CONFIG_SECURITY_APPARMOR', 'y'), kc('CONFIG_SECURITY_SMACK', 'y'), kc('CONFIG_SECURITY_TOMOYO', 'y')],
    why: 'At least one mandatory access control LSM (SELinux, AppArmor, Smack or TOMOYO) is built in',
  }),
  kspp('CONFIG_LSM', 'contains yama', { id: 'CONFIG_LSM:yama', since: '5.1', why: 'Yama is in the default LSM order' }),
  kspp('CONFIG_LSM', 'contains landlock', {
    id: 'CONFIG_LSM:landlock',
    since: '5.13',
    why: 'Landlock is in the default LSM order',
  }),
  kspp('CONFIG_LSM', 'contains lockdown', {
    id: 'CONFIG_LSM:lockdown',
    since: '5.4',
    why: 'Lockdown is in the default LSM order',
  }),
  kspp('CONFIG_SECURITY_SAFESETID', 'y', {
    since: '5.1',
    sources: ['kgap'],
    profile: 'strict',
    why: 'SafeSetID: limits which UID/GID transitions privileged daemons may make',
  }),
  kspp('CONFIG_SECURITY_LOADPIN', 'y', {
    sources: ['kgap'],
    profile: 'strict',
    why: 'LoadPin: modules and firmware only from the first (verified) filesystem',
    cost: 'needs a read-only verified root (dm-verity)',
  }),
  kspp('CONFIG_SECURITY_LOADPIN_ENFORCE', 'y', {
    sources: ['kgap'],
    profile: 'strict',
    andAlso: [kc('CONFIG_SECURITY_LOADPIN', 'y')],
    why: 'LoadPin enforces from boot',
  }),
  kspp('CONFIG_AUDIT', 'y', {
    sources: ['distro'],
    why: 'Kernel audit trail, required by most security policies and certifications',
  }),
  kspp('CONFIG_INTEGRITY', 'y', {
    sources: ['distro'],
    why: 'Integrity subsystem (keyrings for module and IMA signatures)',
  }),
  kspp('CONFIG_IMA', 'y', {
    sources: ['distro'],
    profile: 'strict',
    why: 'Integrity Measurement Architecture: measures what runs',
  }),
  kspp('CONFIG_IMA_APPRAISE', 'y', {
    sources: ['distro'],
    profile: 'strict',
    andAlso: [kc('CONFIG_IMA', 'y')],
    why: 'IMA appraisal: refuses files whose signature or hash does not match',
    cost: 'needs signed files and a policy',
  }),
  kspp('CONFIG_SECURITY_IPE', 'y', {
    since: '6.12',
    sources: ['kgap'],
    profile: 'strict',
    why: 'Integrity Policy Enforcement: execution only from trusted (e.g. dm-verity) sources',
  }),
];
