import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseChangedLines } from './read-changed-lines.js';
import { parseCommitLog } from './read-commit-log.js';

const A = 'a'.repeat(40);
const P = 'b'.repeat(40);
const UP = '68e068cabd2c6c533ef934c2e5151609cf6ecc6d';

describe('parseCommitLog', () => {
  it('reads ids, parents, tags, markers and files of `git log --name-only` records', () => {
    const text =
      `\u001e${A} ${P}\u001ftag: v6.1.120, origin/linux-6.1.y\u001fnet: fix a leak\u001fcommit ${UP} upstream.\n\nSigned-off-by: A <a@b>\n\u001f\n\nnet/core/dev.c\nnet/core/skbuff.c\n` +
      `\u001e${P} ${A} ${UP}\u001f\u001fMerge tag 'v6.1.120'\u001f\u001f\n` +
      `\u001e${UP} ${P}\u001f\u001fRevert "x"\u001fThis reverts commit ${A.slice(0, 12)}.\n\u001f\n\nfs/a.c\n`;
    const [fix, merge, revert] = parseCommitLog(text);
    assert.deepEqual(fix, {
      sha: A,
      parents: [P],
      tags: ['v6.1.120'],
      subject: 'net: fix a leak',
      backportOf: [UP],
      reverts: [],
      files: ['net/core/dev.c', 'net/core/skbuff.c'],
    });
    assert.deepEqual(merge?.parents, [A, UP]);
    assert.deepEqual(merge?.files, []);
    assert.deepEqual(revert?.reverts, [A.slice(0, 12)]);
  });
});

describe('parseChangedLines', () => {
  it('keeps the added and removed lines per file of `git log -p -U0`, not the headers', () => {
    const text = `\u001e${A}\n\ndiff --git a/k/r.c b/k/r.c\nindex 1..2 100644\n--- a/k/r.c\n+++ b/k/r.c\n@@ -5 +5 @@ f()\n-\treturn f(x);\n+\treturn g(x);\n--- not a header\ndiff --git a/n.c b/n.c\nnew file mode 100644\n--- /dev/null\n+++ b/n.c\n@@ -0,0 +1 @@\n+int n;\n`;
    const got = parseChangedLines(text).get(A);
    assert.deepEqual(got?.get('k/r.c'), { added: ['\treturn g(x);'], removed: ['\treturn f(x);', '-- not a header'] });
    assert.deepEqual(got?.get('n.c'), { added: ['int n;'], removed: [] });
  });
});
