import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assembleBuildRecord, sourcePrefix } from './assemble-build-record.js';
import { type KbuildCmd, parseKbuildCmd } from './parse-kbuild-cmd.js';

/** A `.cmd` file as Kbuild 6.1 writes it (scripts/Kbuild.include, fixdep), trimmed. */
const cmd = (target: string, source: string, flags: string, deps: string[]): string =>
  [
    `cmd_${target} := gcc -Wp,-MMD,x.d -nostdinc ${flags} -c -o ${target} ${source}`,
    '',
    `source_${target} := ${source}`,
    '',
    `deps_${target} := \\`,
    ...deps.map((d) => `  ${d} \\`),
    '    $(wildcard include/config/INET) \\',
    '',
    `${target}: $(deps_${target})`,
    '',
    `$(deps_${target}):`,
    '',
  ].join('\n');

describe('parseKbuildCmd', () => {
  it('a module object: -DMODULE and KBUILD_MODNAME name the module', () => {
    const text = cmd(
      'net/netfilter/nf_tables_core.o',
      'net/netfilter/nf_tables_core.c',
      `-D__KERNEL__ -DMODULE -DKBUILD_BASENAME='"nf_tables_core"' -DKBUILD_MODNAME='"nf_tables"' -D__KBUILD_MODNAME=kmod_nf_tables`,
      ['include/linux/compiler-version.h', 'include/linux/skbuff.h'],
    );
    assert.deepEqual(parseKbuildCmd(text), {
      target: 'net/netfilter/nf_tables_core.o',
      source: 'net/netfilter/nf_tables_core.c',
      deps: ['include/linux/compiler-version.h', 'include/linux/skbuff.h'],
      kernel: true,
      module: 'nf_tables',
      modname: 'nf_tables',
    });
  });
  it('a built-in object carries a KBUILD_MODNAME too, but no MODULE', () => {
    const r = parseKbuildCmd(
      cmd('net/core/dev.o', 'net/core/dev.c', `-D__KERNEL__ -DKBUILD_MODNAME='"dev"' -D__KBUILD_MODNAME=kmod_dev`, []),
    );
    assert.equal(r?.module, null);
    assert.equal(r?.modname, 'dev');
  });
  it('a host program (no -D__KERNEL__) is not kernel code', () => {
    assert.equal(parseKbuildCmd(cmd('scripts/mod/modpost.o', 'scripts/mod/modpost.c', '-O2', []))?.kernel, false);
  });
  it('older kernels: -D"KBUILD_MODNAME=KBUILD_STR(e1000)"', () => {
    const r = parseKbuildCmd(
      cmd('drivers/e1000.o', 'drivers/e1000.c', '-D__KERNEL__ -DMODULE -D"KBUILD_MODNAME=KBUILD_STR(e1000)"', []),
    );
    assert.equal(r?.module, 'e1000');
  });
  it('a link (.ko, built-in.a) records no compile', () => {
    assert.equal(parseKbuildCmd('cmd_fs/ext4/ext4.ko := ld -r -o fs/ext4/ext4.ko fs/ext4/ext4.o\n'), null);
  });
});

const parsed = (target: string, source: string, deps: string[], module: string | null = null): KbuildCmd => ({
  target,
  source,
  deps,
  kernel: true,
  module,
  modname: module,
});

describe('assembleBuildRecord', () => {
  it('an O= build: the source prefix is found from targets and stripped; system headers are dropped', () => {
    const cmds = [
      parsed('net/core/dev.o', '/usr/src/linux/net/core/dev.c', [
        '/usr/src/linux/include/linux/skbuff.h',
        '/usr/lib/gcc/x86_64-linux-gnu/12/include/stdarg.h',
        'include/generated/autoconf.h',
      ]),
      parsed('fs/ext4/inode.o', '/usr/src/linux/fs/ext4/inode.c', ['/usr/src/linux/include/linux/skbuff.h'], 'ext4'),
    ];
    assert.equal(sourcePrefix(cmds), '/usr/src/linux/');
    const r = assembleBuildRecord({
      source: 'build',
      cmds,
      modulesOrder: ['fs/ext4/ext4.ko'],
      modulesBuiltin: [],
      config: null,
      linkedVmlinux: true,
      problems: [],
    });
    assert.deepEqual([...r.compiled.keys()].sort(), ['fs/ext4/inode.c', 'net/core/dev.c']);
    assert.deepEqual([...r.included.keys()].sort(), ['include/generated/autoconf.h', 'include/linux/skbuff.h']);
    assert.equal(r.included.get('include/linux/skbuff.h')?.module, null, 'a built-in includer wins over a module');
    assert.deepEqual(r.modules, ['ext4']);
  });
  it('an in-tree build, and a module built into the kernel (modules.builtin)', () => {
    const r = assembleBuildRecord({
      source: 'build',
      cmds: [{ ...parsed('./fs/ext4/inode.o', './fs/ext4/inode.c', []), modname: 'ext4' }],
      modulesOrder: null,
      modulesBuiltin: ['kernel/fs/ext4/ext4.ko'],
      config: null,
      linkedVmlinux: true,
      problems: [],
    });
    assert.deepEqual(r.compiled.get('fs/ext4/inode.c'), {
      object: 'fs/ext4/inode.o',
      module: null,
      builtinModule: 'ext4',
    });
    assert.equal(r.modules, null);
  });
});
