import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expand, type MakeVar } from './make-expand.js';
import { VarScope } from './var-scope.js';

function envOf(vars: Record<string, string | MakeVar>, files: readonly string[] = []) {
  const scope = new VarScope();
  for (const [k, v] of Object.entries(vars)) scope.set(k, typeof v === 'string' ? { flavor: 'simple', value: v } : v);
  const glob = (p: string) => (files.includes(p.replace(/^\.\//, '')) ? [p] : []);
  return { vars: scope, glob, uncertain: [] as string[], depth: 0 };
}

const cases: readonly { text: string; vars?: Record<string, string | MakeVar>; want: string }[] = [
  { text: 'obj-$(CONFIG_FOO)', vars: { CONFIG_FOO: 'm' }, want: 'obj-m' },
  { text: 'obj-$(CONFIG_FOO)', want: 'obj-' },
  // biome-ignore lint/suspicious/noTemplateCurlyInString: make's ${VAR} syntax, not a JS template
  { text: '${A}$B', vars: { A: 'x', B: 'y' }, want: 'xy' },
  { text: '$$(x)', want: '$(x)' },
  { text: '$(R)', vars: { R: { flavor: 'recursive', value: '$(S)/z' }, S: 'a' }, want: 'a/z' },
  { text: '$(addprefix dc/,a.o b.o)', want: 'dc/a.o dc/b.o' },
  { text: '$(addsuffix .o,a b)', want: 'a.o b.o' },
  { text: '$(patsubst %.o,%.stub.o,a.o b.o)', want: 'a.stub.o b.stub.o' },
  { text: '$(L:.o=.c)', vars: { L: 'a.o b.o' }, want: 'a.c b.c' },
  { text: '$(L:%.o=x/%.o)', vars: { L: 'a.o' }, want: 'x/a.o' },
  { text: '$(filter %/, a/ b.o c/)', want: 'a/ c/' },
  { text: '$(filter-out b.o,a.o b.o)', want: 'a.o' },
  { text: '$(subst -,_,a-b-c)', want: 'a_b_c' },
  { text: '$(strip  a   b )', want: 'a b' },
  { text: '$(sort b a b)', want: 'a b' },
  { text: '$(if $(CONFIG_X),yes,no)', vars: { CONFIG_X: 'y' }, want: 'yes' },
  { text: '$(if $(CONFIG_X),yes,no)', want: 'no' },
  { text: '$(or $(A),$(B))', vars: { B: 'b' }, want: 'b' },
  { text: '$(and $(A),$(B))', vars: { B: 'b' }, want: '' },
  { text: '$(foreach d,a b,$(d)/)', want: 'a/ b/' },
  { text: '$(call f,1,2)', vars: { f: { flavor: 'recursive', value: '$(1)+$(2)' } }, want: '1+2' },
  { text: '$(notdir a/b.o) $(dir a/b.o) $(basename a/b.o) $(suffix a/b.o)', want: 'b.o a/ a/b .o' },
  { text: '$(firstword a b) $(lastword a b) $(words a b c) $(word 2,a b c)', want: 'a b 3 b' },
  { text: '$(findstring clang,gcc clang)', want: 'clang' },
  { text: '$(abspath ./a/../b)', want: 'b' },
];

describe('expand', () => {
  for (const c of cases) {
    it(`${c.text} -> ${JSON.stringify(c.want)}`, () => {
      const env = envOf(c.vars ?? {});
      assert.equal(expand(c.text, env), c.want);
      assert.deepEqual(env.uncertain, []);
    });
  }

  it('wildcard answers from the model file list', () => {
    assert.equal(
      expand('$(wildcard $(srctree)/drivers/Kbuild)', envOf({ srctree: '.' }, ['drivers/Kbuild'])),
      './drivers/Kbuild',
    );
    assert.equal(expand('$(wildcard $(srctree)/drivers/Kbuild)', envOf({ srctree: '.' })), '');
  });

  for (const text of ['$(shell uname -m)', '$(call cc-option,-mfoo)', '$(eval X := 1)']) {
    it(`${text} expands to nothing and is marked uncertain`, () => {
      const env = envOf({});
      assert.equal(expand(text, env), '');
      assert.equal(env.uncertain.length, 1);
    });
  }

  it('a self-referencing recursive variable does not hang', () => {
    const env = envOf({ A: { flavor: 'recursive', value: '$(A)x' } });
    expand('$(A)', env);
    assert.ok(env.uncertain.length > 0);
  });
});
