/**
 * The `#include` directives of a C, assembly or header file, as written: `"x.h"` or `<linux/x.h>` (the delimiter
 * decides where the compiler looks first). Computed includes
 * (`#include TRACE_INCLUDE(...)`) and `#include_next` are not paths and are left out. Pure.
 */
const INCLUDE_RE = /^[ \t]*#[ \t]*include[ \t]*([<"])([^>"\n]+)[>"]/gm;

export function parseIncludeDirectives(text: string): string[] {
  const out: string[] = [];
  if (!text.includes('include')) return out;
  INCLUDE_RE.lastIndex = 0;
  for (let m = INCLUDE_RE.exec(text); m !== null; m = INCLUDE_RE.exec(text)) {
    out.push(m[1] === '<' ? `<${m[2]?.trim()}>` : `"${m[2]?.trim()}"`);
  }
  return out;
}
