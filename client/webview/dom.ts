/**
 * DOM building for the report page. Text always goes in as text nodes, attributes through
 * setAttribute: nothing from the manifest is ever parsed as HTML. No inline styles, no inline
 * event handlers (the CSP would refuse them anyway).
 */
export type Child = Node | string | number | null | undefined | false | readonly Child[];
export type Attrs = Record<string, string | number | boolean | null | undefined>;

function setAttributes(element: Element, attrs: Attrs | undefined): void {
  if (!attrs) return;
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'style' || name.startsWith('on')) throw new Error(`refusing attribute ${name}`);
    element.setAttribute(name, value === true ? '' : String(value));
  }
}

function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(String(child)));
  }
}

/** An HTML element: h('p', { class: 'x' }, 'text', child). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  setAttributes(element, attrs);
  append(element, children);
  return element;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element: s('rect', { x: '10%', width: '20%', class: 'seg s1' }). */
export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs?: Attrs, ...children: Child[]): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  setAttributes(element, attrs);
  append(element, children);
  return element;
}

let counter = 0;
/** A page-unique id for aria-labelledby and friends (never derived from manifest text). */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** A link-styled button that reveals a line of the manifest (the only navigation there is). */
export function lineLink(text: string, line: number, what = text, extraClass = ''): HTMLButtonElement {
  return h(
    'button',
    {
      type: 'button',
      class: `link${extraClass ? ` ${extraClass}` : ''}`,
      'data-line': line,
      'data-focus-key': `line:${line}:${what}`,
      'aria-label': `${what}: show line ${line} of the manifest`,
      title: `Show line ${line} of the manifest`,
    },
    text,
  );
}

/** Text only screen readers read. */
export function srOnly(...children: Child[]): HTMLSpanElement {
  return h('span', { class: 'sr-only' }, ...children);
}
