/**
 * The one escaping tag for every HTML (and SVG) string kgap writes. CVE titles contain `<`, `&` and quotes: every
 * interpolated value is escaped unless it is already SafeHtml (made by this tag), so markup can only come from
 * template literals in kgap's own code.
 */

const SAFE: unique symbol = Symbol('SafeHtml');

/** Markup made by `html` (escaped at the point it was built). Its text is in `text`. */
export type SafeHtml = { readonly [SAFE]: true; readonly text: string };

/** What a template may interpolate: text and numbers are escaped, SafeHtml is kept, arrays are concatenated. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML/SVG element content and quoted attribute values. Control characters other than tab and
 * line breaks are not allowed in HTML: they become U+FFFD (an ESC in a CVE title must not reach a page).
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\ufffd');
}

/** True for a value built by `html`. */
export function isSafeHtml(value: unknown): value is SafeHtml {
  return typeof value === 'object' && value !== null && SAFE in value;
}

function safe(text: string): SafeHtml {
  return { [SAFE]: true, text };
}

function piece(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map((v: HtmlValue) => piece(v)).join('');
  if (isSafeHtml(value)) return value.text;
  return escapeHtml(String(value));
}

/** Tagged template: html`<td>${title}</td>` escapes `title`. `false`/null/undefined render as nothing. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += piece(values[i]) + (strings[i + 1] ?? '');
  return safe(out);
}
