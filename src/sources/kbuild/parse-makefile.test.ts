import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MakeStatement } from '../../domain/makefile-ast.js';
import { parseMakefile } from './parse-makefile.js';

/** A compact rendering of statements so cases read like the Makefile they parse. */
function show(list: readonly MakeStatement[]): string[] {
  return list.flatMap((s): string[] => {
    switch (s.kind) {
      case 'assign':
        return [`${s.exported ? 'export ' : ''}${s.name} ${s.op} ${s.value}`];
      case 'if': {
        const t = s.test.kind === 'ifeq' || s.test.kind === 'ifneq' ? `${s.test.left},${s.test.right}` : s.test.name;
        return [`${s.test.kind} ${t} {`, ...show(s.whenTrue), '} else {', ...show(s.whenFalse), '}'];
      }
      case 'include':
        return [`${s.optional ? '-' : ''}include ${s.paths}`];
      case 'export':
        return [`export ${s.names}`];
      default:
        return [`expr ${s.text}`];
    }
  });
}

const cases: readonly { name: string; text: string; want: string[] }[] = [
  {
    name: 'obj-y and obj-$(CONFIG_X)',
    text: 'obj-y += a.o\nobj-$(CONFIG_FOO) += foo.o\n',
    want: ['obj-y += a.o', 'obj-$(CONFIG_FOO) += foo.o'],
  },
  {
    name: 'all assignment operators',
    text: 'a = 1\nb := 2\nc ::= 3\nd += 4\ne ?= 5\nf != echo\n',
    want: ['a = 1', 'b := 2', 'c ::= 3', 'd += 4', 'e ?= 5', 'f != echo'],
  },
  {
    name: 'line continuations collapse to one space (drivers/net/Makefile style)',
    text: 'e1000e-objs := 82571.o ich8lan.o \\\n\t\t80003es2lan.o \\\n\t\tmac.o\n',
    want: ['e1000e-objs := 82571.o ich8lan.o 80003es2lan.o mac.o'],
  },
  {
    name: 'comments, and \\# is literal',
    text: '# SPDX\nobj-y += a.o # trailing\nX := a\\#b\n',
    want: ['obj-y += a.o', 'X := a\\#b'],
  },
  {
    name: 'ifdef / else / endif with tab-indented assignments outside a rule',
    text: 'ifdef CONFIG_X86_32\n\tobj-y += a.o\nelse\n\tobj-y += b.o\nendif\n',
    want: ['ifdef CONFIG_X86_32 {', 'obj-y += a.o', '} else {', 'obj-y += b.o', '}'],
  },
  {
    name: 'ifeq forms and else ifeq chains closed by one endif',
    text: 'ifeq ($(CONFIG_A),y)\nx := 1\nelse ifneq "$(B)" ""\nx := 2\nelse\nx := 3\nendif\n',
    want: ['ifeq $(CONFIG_A),y {', 'x := 1', '} else {', 'ifneq $(B), {', 'x := 2', '} else {', 'x := 3', '}', '}'],
  },
  {
    name: 'nested conditionals',
    text: 'ifneq ($(CONFIG_HSA_AMD),)\nifneq ($(CONFIG_DRM_AMDGPU_CIK),)\namdgpu-y += k.o\nendif\nendif\n',
    want: [
      'ifneq $(CONFIG_HSA_AMD), {',
      'ifneq $(CONFIG_DRM_AMDGPU_CIK), {',
      'amdgpu-y += k.o',
      '} else {',
      '}',
      '} else {',
      '}',
    ],
  },
  {
    name: 'rules and their recipes are skipped, even recipes that look like assignments',
    text: '$(obj)/x.h: $(src)/y FORCE\n\t$(call cmd,foo)\n\tA=1 sh -c true\nobj-y += z.o\n',
    want: ['obj-y += z.o'],
  },
  { name: 'target-specific variables are rules, not assignments', text: 'foo.o: CFLAGS += -O0\n', want: [] },
  {
    name: 'include, -include, export forms',
    text: 'include $(srctree)/arch/$(SRCARCH)/Makefile\n-include $(src)/Kbuild\nexport BITS := 64\nexport RETPOLINE_CFLAGS\n',
    want: [
      'include $(srctree)/arch/$(SRCARCH)/Makefile',
      '-include $(src)/Kbuild',
      'export BITS := 64',
      'export RETPOLINE_CFLAGS',
    ],
  },
  {
    name: 'define blocks become recursive variables',
    text: 'define filechk_x\n\techo a\n\techo b\nendef\n',
    want: ['filechk_x = \techo a\n\techo b'],
  },
  {
    name: 'a bare function call line',
    text: '$(foreach f,$(L),$(eval CFLAGS_$(f) = -I x))\n',
    want: ['expr $(foreach f,$(L),$(eval CFLAGS_$(f) = -I x))'],
  },
];

describe('parseMakefile', () => {
  for (const c of cases) {
    it(c.name, () => {
      const parsed = parseMakefile(c.text);
      assert.deepEqual(show(parsed.statements), c.want);
      assert.deepEqual(parsed.problems, []);
    });
  }

  it('reports a stray endif, a missing endif and garbage lines as problems, never throws', () => {
    assert.equal(parseMakefile('endif\n').problems.length, 1);
    assert.match(parseMakefile('ifdef X\nobj-y += a.o\n').problems[0] ?? '', /missing endif/);
    assert.match(parseMakefile('\u0000\u00ff garbage\n').problems[0] ?? '', /not understood/);
  });
});
