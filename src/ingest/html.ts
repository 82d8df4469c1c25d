import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { badInput } from '../core/errors.js';

/** The DOM surface the text walk needs; linkedom's nodes provide it. */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
}
interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
  remove(): void;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Elements that start a new line in the text: blocks, headings, list items, table rows and `<br>`. */
const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'CENTER',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TBODY',
  'TD',
  'TH',
  'TR',
  'UL',
]);
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'SELECT',
  'BUTTON',
  'TEXTAREA',
]);

/** Page controls rather than content: script links, buttons, form fields, click handlers. */
const CONTROL = 'a[href^="javascript" i], button, input, select, textarea, [onclick], [role="button"]';

/** Fewest characters of article text below which a page holds no report (a list or a login page). */
const MIN_ARTICLE_CHARACTERS = 100;

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
/** A source line break between two Chinese characters renders as nothing in a Chinese page. */
const BREAK_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])[ \\t\\r]*\\n\\s*(?=[${CJK}])`, 'g');

/** Remove blocks that are mostly page controls: font-size bars, print/close links, share buttons. */
function dropControlBars(document: DomElement): void {
  for (const control of Array.from(document.querySelectorAll(CONTROL))) {
    let block: DomNode | null = control.parentNode;
    while (block && block.nodeType === ELEMENT_NODE && !BLOCK.has(block.nodeName)) block = block.parentNode;
    const controlText = (control.textContent ?? '').trim().length;
    control.remove();
    if (!block || block.nodeType !== ELEMENT_NODE || block.nodeName === 'BODY') continue;
    const rest = (block.textContent ?? '').replace(/\s+/g, '');
    // What is left once the controls are gone is a label ("【字体：", "分享到：") or nothing.
    if (rest.length <= Math.max(12, controlText * 2) && !/[。；]/.test(rest)) (block as DomElement).remove();
  }
}

/** The article's text: one line per paragraph, heading, list item, table row or `<br>`. */
function blockText(root: DomNode): string {
  const lines: string[] = [];
  let line = '';
  const flush = (): void => {
    const text = line.replace(BREAK_BETWEEN_CJK, '').replace(/[ \t\n\r\f\u00a0]+/g, ' ');
    const trimmed = text.replace(/^[ \u3000]+|[ \u3000]+$/g, '');
    if (trimmed.length > 0) lines.push(trimmed);
    line = '';
  };
  const walk = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      line += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE || SKIPPED.has(node.nodeName)) return;
    const block = BLOCK.has(node.nodeName);
    if (block) flush();
    if (node.nodeName === 'TD' || node.nodeName === 'TH') line += '\t';
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block && node.nodeName !== 'TD' && node.nodeName !== 'TH') flush();
  };
  walk(root);
  flush();
  return lines.join('\n');
}

/** Characters inside links: an "article" that is mostly links is a list of other pages. */
function linkCharacters(root: DomNode): number {
  const element = root as DomElement;
  if (typeof element.querySelectorAll !== 'function') return 0;
  let count = 0;
  for (const link of Array.from(element.querySelectorAll('a'))) {
    count += (link.textContent ?? '').replace(/\s+/g, '').length;
  }
  return count;
}

function noArticle(fileName: string): ReturnType<typeof badInput> {
  return badInput(
    'no_article_text',
    `${fileName} is a web page without article text (only navigation, links or scripts); save the page that shows the report itself`,
    `${fileName} 是网页，但其中没有正文（只有导航、链接或脚本），请保存显示报告全文的页面`,
    { file: fileName },
  );
}

/**
 * A saved web page → the report's text. The article is found with Mozilla's Readability (the
 * algorithm of Firefox's reader view) over linkedom; site chrome (navigation, breadcrumbs,
 * related links, footers) falls away with it, and control bars (font size, print, close, share)
 * are removed first. Paragraphs, headings, list items and `<br>` each become a line; the page
 * title leads when the article does not already start with it.
 */
export function htmlToText(html: string, fileName: string): string {
  const { document } = parseHTML(html);
  const root = document as unknown as DomElement;
  // Readability drops a heading that repeats the <title>; the page's own <h1> is the better title
  // (<title> usually carries the site name too).
  const heading = Array.from(root.querySelectorAll('h1'))[0]?.textContent ?? '';
  dropControlBars(root);
  const article = new Readability<DomNode>(
    document as unknown as ConstructorParameters<typeof Readability>[0],
    {
      serializer: (node) => node as unknown as DomNode,
    },
  ).parse();
  if (!article?.content) throw noArticle(fileName);
  const body = blockText(article.content);
  const characters = body.replace(/\s+/g, '').length;
  if (characters < MIN_ARTICLE_CHARACTERS || linkCharacters(article.content) > characters / 2) {
    throw noArticle(fileName);
  }
  const title = (heading.trim() || article.title || '').replace(/\s+/g, ' ').trim();
  const firstLine = body.split('\n', 1)[0] ?? '';
  if (title.length === 0 || firstLine.includes(title) || title.includes(firstLine)) return body;
  return `${title}\n${body}`;
}
