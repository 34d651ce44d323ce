/**
 * Small, dependency-free checkers for "nothing executable comes out": an HTML tokenizer, a
 * Markdown live-construct finder, a CSV parser, and the hostile strings every output is fed.
 */

/** Strings that must come out of every output as inert text. */
export const HOSTILE = {
  imgOnerror: '<img src=x onerror=alert(1)>',
  scriptBreakout: '</script><script>alert(1)</script>',
  attributeBreakout: '" onmouseover="x',
  singleQuoteBreakout: "' onfocus='alert(1)' x='",
  javascriptUrl: 'javascript:alert(document.cookie)',
  commandLink: '[x](command:workbench.action.terminal.new)',
  imageLink: '![x](http://evil.example/pixel.png)',
  referenceLink: '[x][1]\n\n[1]: javascript:alert(1)',
  autolink: '<http://evil.example> www.evil.example https://evil.example/x mail@evil.example',
  htmlBlock: '<details open ontoggle=alert(1)>',
  formula: '=HYPERLINK("http://evil.example","click")',
  formulaPlus: '+cmd|" /C calc"!A0',
  formulaAt: '@SUM(1+1)*cmd|" /C calc"!A0',
  formulaMinus: '-2+3+cmd|" /C calc"!A0',
  formulaTab: '\t=1+1',
  tableBreak: 'a | b | c\n| --- |\n# heading',
  terminal: '\u001b]8;;http://evil.example\u0007click\u001b]8;;\u0007\u001b[2J\u009b31m',
  bidi: 'invoice\u202egpj.exe\u2066hidden\u2069',
  templates: '{{constructor.constructor("alert(1)")()}} ${alert(1)} <%= 1 %>',
  entity: '&lt;script&gt;alert(1)&lt;/script&gt; &#106;avascript:',
};

export const HOSTILE_LIST = Object.values(HOSTILE);

export interface HtmlTag {
  name: string;
  closing: boolean;
  attributes: { name: string; value: string }[];
  /** Offset in the document. */
  at: number;
}

export interface HtmlTokens {
  tags: HtmlTag[];
  /** Text between tags, entity-decoded. */
  text: string[];
  /** Raw content of <style> and <script> elements. */
  raw: { element: string; content: string }[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(Math.min(code, 0x10ffff)) : m;
    }
    return ENTITIES[body.toLowerCase()] ?? m;
  });
}

/**
 * Tokenizes HTML as a browser's tokenizer would for the constructs that matter here: tags with
 * their attributes (quoted, unquoted or bare), comments, raw-text elements (style, script).
 */
export function tokenizeHtml(html: string): HtmlTokens {
  const tags: HtmlTag[] = [];
  const text: string[] = [];
  const raw: { element: string; content: string }[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      text.push(decodeEntities(html.slice(i)));
      break;
    }
    if (lt > i) text.push(decodeEntities(html.slice(i, lt)));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    const open = /^<(\/?)([A-Za-z][A-Za-z0-9:-]*)/.exec(html.slice(lt, lt + 64));
    if (!open) {
      if (html.startsWith('<!', lt)) {
        const end = html.indexOf('>', lt);
        i = end < 0 ? html.length : end + 1;
        continue;
      }
      // A "<" that starts no tag is text (a browser would show it).
      text.push('<');
      i = lt + 1;
      continue;
    }
    const tag: HtmlTag = { name: open[2].toLowerCase(), closing: open[1] === '/', attributes: [], at: lt };
    let j = lt + open[0].length;
    // Attributes, as the HTML tokenizer reads them.
    for (;;) {
      while (j < html.length && /[\s/]/.test(html[j])) j++;
      if (j >= html.length || html[j] === '>') break;
      const nameMatch = /^[^\s/>=][^\s/>=]*/.exec(html.slice(j));
      const name = nameMatch ? nameMatch[0] : html[j];
      j += name.length;
      while (j < html.length && /\s/.test(html[j])) j++;
      let value = '';
      if (html[j] === '=') {
        j++;
        while (j < html.length && /\s/.test(html[j])) j++;
        const quote = html[j];
        if (quote === '"' || quote === "'") {
          const end = html.indexOf(quote, j + 1);
          value = html.slice(j + 1, end < 0 ? html.length : end);
          j = end < 0 ? html.length : end + 1;
        } else {
          const m = /^[^\s>]*/.exec(html.slice(j))!;
          value = m[0];
          j += value.length;
        }
      }
      tag.attributes.push({ name: name.toLowerCase(), value: decodeEntities(value) });
    }
    tags.push(tag);
    i = j + 1;
    if (!tag.closing && (tag.name === 'script' || tag.name === 'style')) {
      const close = html.toLowerCase().indexOf(`</${tag.name}`, i);
      const end = close < 0 ? html.length : close;
      raw.push({ element: tag.name, content: html.slice(i, end) });
      i = end;
    }
  }
  return { tags, text, raw };
}

const URL_ATTRIBUTES = new Set(['href', 'src', 'xlink:href', 'action', 'formaction', 'srcset', 'poster', 'background', 'data', 'ping', 'manifest']);

/** Problems in HTML that would let manifest text run or load anything. */
export function htmlProblems(html: string, allowedTags: ReadonlySet<string>, options: { scripts?: (tag: HtmlTag) => string | undefined } = {}): string[] {
  const problems: string[] = [];
  const { tags } = tokenizeHtml(html);
  for (const tag of tags) {
    if (!allowedTags.has(tag.name)) problems.push(`unexpected element <${tag.name}> at ${tag.at}`);
    if (tag.name === 'script' && !tag.closing) {
      const problem = options.scripts ? options.scripts(tag) : 'a <script> element';
      if (problem) problems.push(`${problem} at ${tag.at}`);
    }
    for (const a of tag.attributes) {
      if (/^on/i.test(a.name)) problems.push(`event handler attribute ${a.name} on <${tag.name}> at ${tag.at}`);
      if (URL_ATTRIBUTES.has(a.name) && /^(javascript|vbscript|data):/i.test(a.value.replace(/[\u0000-\u0020]/g, ''))) problems.push(`script URL in ${a.name} on <${tag.name}>`);
      if (tag.name === 'meta' && a.name === 'http-equiv' && /refresh/i.test(a.value)) problems.push('a meta refresh');
      if (a.name === 'style') problems.push(`inline style attribute on <${tag.name}>`);
      if (URL_ATTRIBUTES.has(a.name) && !/^(#|https:\/\/file\+\.vscode-resource|vscode-webview:)/.test(a.value)) {
        problems.push(`${a.name}="${a.value}" on <${tag.name}> loads or links outside the page`);
      }
      if (!/^[a-z][a-z0-9:-]*$/.test(a.name)) problems.push(`malformed attribute name "${a.name}" on <${tag.name}> (broken-out markup)`);
    }
  }
  return problems;
}

/** The directives of a Content-Security-Policy, by name. */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

/** Problems of a CSP against "default-src 'none', scripts and styles by nonce only". */
export function cspProblems(policy: string, nonce: string | undefined): string[] {
  const problems: string[] = [];
  const csp = parseCsp(policy);
  if (csp.get('default-src')?.join(' ') !== "'none'") problems.push(`default-src is not 'none' (${csp.get('default-src')?.join(' ')})`);
  for (const [name, values] of csp) {
    for (const v of values) {
      if (/'unsafe-(inline|eval|hashes)'|'wasm-unsafe-eval'|^\*$|^https?:$|^http:|^data:$/.test(v) && !(name === 'img-src' && v === 'data:')) problems.push(`${name} allows ${v}`);
      if (/^'nonce-/.test(v) && nonce !== undefined && v !== `'nonce-${nonce}'`) problems.push(`${name} has a nonce other than the page's`);
    }
  }
  for (const name of ['script-src', 'style-src']) {
    const values = csp.get(name);
    if (values && values.some((v) => !/^'nonce-[A-Za-z0-9+/=_-]{16,}'$/.test(v) && v !== "'none'")) problems.push(`${name} allows more than a nonce: ${values.join(' ')}`);
  }
  return problems;
}

/**
 * Live Markdown constructs (links, images, autolinks, raw HTML) left in `markdown` once escapes
 * and code spans are taken out. Our own constructs are listed in `allowed` (none today).
 */
export function liveMarkdown(markdown: string): string[] {
  const found: string[] = [];
  // Escaped characters are literal; code spans are literal.
  const stripped = markdown
    .replace(/\\[\\`*_{}[\]()#+\-.!|<>~:&]/g, '\u0001')
    .replace(/(`+)[^`]*?\1/g, (m) => '\u0002'.repeat(m.length));
  const patterns: [RegExp, string][] = [
    [/!?\[[^\]\n]*\]\s*[([]/g, 'link or image'],
    [/^\s{0,3}\[[^\]\n]+\]:/gm, 'link reference definition'],
    [/<[A-Za-z/!?][^>\n]*>?/g, 'raw HTML or autolink'],
    [/\b(?:https?|ftp|javascript|vbscript|data|file|command|vscode(?:-insiders)?|mailto|xmpp):/gi, 'URL scheme (autolink)'],
    [/\bwww\.[a-z0-9-]/gi, 'www autolink'],
    [/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z]{2,}/g, 'email autolink'],
    [/&(#x?[0-9a-f]+|[a-z]+);/gi, 'character reference'],
  ];
  for (const [pattern, what] of patterns) {
    for (const m of stripped.matchAll(pattern)) found.push(`${what}: ${JSON.stringify(m[0])}`);
  }
  return found;
}

/** RFC 4180 parsing (quoted cells, doubled quotes, CRLF or LF). */
export function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"' && cell === '') {
      quoted = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && csv[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += c;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** A cell a spreadsheet would evaluate as a formula (or DDE): starts with = + - @, tab or CR, after any spaces. */
export function isFormula(cell: string): boolean {
  if (/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(cell)) return false; // a plain number
  return /^[\s\u00a0]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/.test(cell);
}

/** C0/C1 control characters other than tab and line feed (terminal escape sequences start with them). */
export const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
