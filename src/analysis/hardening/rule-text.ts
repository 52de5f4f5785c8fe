import type { Rule } from '../../domain/hardening-check.js';

/**
 * The one-line rule language shared by the checklist, policies (`overrides[].expect`) and the docs:
 * `y`, `m`, `is not set`, `is present`, `is not off`, `>= 65536`, `<= 1`, `contains lockdown`,
 * `equals CONFIG_ARCH_MMAP_RND_BITS_MAX`, or any other literal value (`2`, `full`, `auto,nosmt`).
 */
export function parseRuleText(text: string): Rule | null {
  const t = text.trim();
  if (t === '') return null;
  if (t === 'is not set') return { op: 'not-set' };
  if (t === 'is present') return { op: 'present' };
  if (t === 'is not off') return { op: 'not-off' };
  const cmp = /^(>=|<=)\s*(-?(?:0x[0-9a-fA-F]+|\d+))$/.exec(t);
  if (cmp?.[1] !== undefined && cmp[2] !== undefined) {
    return { op: cmp[1] === '>=' ? 'min' : 'max', value: Number(cmp[2]) };
  }
  const contains = /^contains\s+(\S+)$/.exec(t);
  if (contains?.[1] !== undefined) return { op: 'contains', value: contains[1] };
  const equals = /^equals\s+(CONFIG_[A-Za-z0-9_]+)$/.exec(t);
  if (equals?.[1] !== undefined) return { op: 'equals-option', option: equals[1] };
  if (/\s/.test(t) || t.startsWith('>') || t.startsWith('<')) return null;
  return { op: 'eq', value: t };
}

/** The inverse of `parseRuleText`. */
export function renderRuleText(rule: Rule): string {
  switch (rule.op) {
    case 'eq':
      return rule.value;
    case 'not-set':
      return 'is not set';
    case 'present':
      return 'is present';
    case 'not-off':
      return 'is not off';
    case 'min':
      return `>= ${rule.value}`;
    case 'max':
      return `<= ${rule.value}`;
    case 'contains':
      return `contains ${rule.value}`;
    case 'equals-option':
      return `equals ${rule.option}`;
  }
}
