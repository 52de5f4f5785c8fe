import { html, type SafeHtml } from './html.js';

/** One titled part of a report page. */
export type HtmlSection = { readonly heading: string; readonly body: SafeHtml };

export type HtmlPage = {
  readonly title: string;
  /** Shown under the title (e.g. the data snapshot). */
  readonly intro?: SafeHtml;
  readonly sections: readonly HtmlSection[];
  /** Extra style rules and a script of kgap's own (markup made by `html`, never data), for interactive pages. */
  readonly style?: SafeHtml;
  readonly script?: SafeHtml;
};

/**
 * A complete, self-contained HTML document (UTF-8, trailing newline). The style is inline (in the template, so
 * it is markup, not escaped text): the page is one self-contained file, charts are inline SVG, viewable offline.
 */
export function renderHtmlPage(page: HtmlPage): string {
  const doc = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${page.title}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:980px;padding:0 1em;color:#222}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.8em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:.6em 0}th,td{border:1px solid #ccc;padding:.2em .6em;text-align:left}
th{background:#f4f4f4}td.num{text-align:right;font-variant-numeric:tabular-nums}
figure{margin:1em 0}svg{max-width:100%;height:auto}p.note{color:#555}
${page.style ?? ''}</style>
</head>
<body>
<h1>${page.title}</h1>
${page.intro ?? ''}
${page.sections.map((s) => html`<section>\n<h2>${s.heading}</h2>\n${s.body}\n</section>\n`)}${page.script ?? ''}</body>
</html>
`;
  return doc.text;
}
