/**
 * A small, forgiving XML event reader: enough for JUnit reports, which are flat and simple. It never throws:
 * malformed markup becomes text, an unterminated construct ends the stream. Comments, processing
 * instructions and DOCTYPE are skipped; CDATA is text; the five named entities and numeric references are
 * decoded. (A dependency such as fast-xml-parser would build a whole tree; streaming keeps a million-line
 * report in bounded memory.)
 */

export type XmlEvent =
  | {
      readonly kind: 'open';
      readonly name: string;
      readonly attrs: ReadonlyMap<string, string>;
      readonly empty: boolean;
    }
  | { readonly kind: 'close'; readonly name: string }
  | { readonly kind: 'text'; readonly text: string };

const ATTR_RE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes XML character references; unknown entities stay as written. */
export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}

/** Calls `visit` for each event in document order. Returns false if the text ended inside markup. */
export function readXmlEvents(xml: string, visit: (event: XmlEvent) => void): boolean {
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt === -1) {
      emitText(xml.slice(i), visit);
      return true;
    }
    if (lt > i && !isBlank(xml, i, lt)) emitText(xml.slice(i, lt), visit);
    if (xml.startsWith('<!--', lt)) i = skipPast(xml, lt + 4, '-->');
    else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end === -1) return false;
      visit({ kind: 'text', text: xml.slice(lt + 9, end) });
      i = end + 3;
    } else if (xml.startsWith('<?', lt)) i = skipPast(xml, lt + 2, '?>');
    else if (xml.startsWith('<!', lt)) i = skipPast(xml, lt + 2, '>');
    else {
      const gt = tagEnd(xml, lt + 1);
      if (gt === -1) return false;
      tag(xml.slice(lt + 1, gt), visit);
      i = gt + 1;
    }
    if (i === -1) return false;
  }
  return true;
}

/** The `>` that closes a tag: attribute values may contain `>` (failure messages often do). */
function tagEnd(xml: string, from: number): number {
  let quote = 0;
  for (let i = from; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
  }
  return -1;
}

function isBlank(xml: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return false;
  }
  return true;
}

function skipPast(xml: string, from: number, marker: string): number {
  const end = xml.indexOf(marker, from);
  return end === -1 ? -1 : end + marker.length;
}

function emitText(text: string, visit: (event: XmlEvent) => void): void {
  // Whitespace between tags is most of the text in a report: skip it without allocating.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) {
      visit({ kind: 'text', text: decodeXmlEntities(text) });
      return;
    }
  }
}

function tag(body: string, visit: (event: XmlEvent) => void): void {
  if (body.startsWith('/')) {
    visit({ kind: 'close', name: body.slice(1).trim() });
    return;
  }
  const empty = body.endsWith('/');
  const inner = empty ? body.slice(0, -1) : body;
  const nameEnd = inner.search(/[\s/]/);
  const name = nameEnd === -1 ? inner : inner.slice(0, nameEnd);
  if (name === '') return;
  const attrs = new Map<string, string>();
  if (nameEnd !== -1) {
    ATTR_RE.lastIndex = nameEnd;
    for (let m = ATTR_RE.exec(inner); m !== null; m = ATTR_RE.exec(inner)) {
      if (m[1] !== undefined) attrs.set(m[1], decodeXmlEntities(m[2] ?? m[3] ?? ''));
    }
  }
  visit({ kind: 'open', name, attrs, empty });
}
