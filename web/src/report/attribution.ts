/** The roles a compiler's credit line names: "(陈施君/整理)" → 整理. */
const CREDIT =
  /^[（(【[]?\s*([^/／（）()【】[\]]+?)\s*[/／]\s*(整理|编辑|责任编辑|供稿|撰稿|制图|校对|编写)\s*[）)】\]]?$/;

/**
 * The overview's source line: the document itself, then the attribution labelled as what it is.
 * A newspaper's "来源：北京日报" is the source as it stands; a compiler's "(陈施君/整理)" is a
 * credit ("整理：陈施君") after the document's title, never the source on its own.
 */
export function sourceLine(title: string, attribution: string | undefined, sourceLabel: string): string {
  const text = attribution?.trim() ?? '';
  if (/^来\s*源\s*[:：]/.test(text)) return text.replace(/^来\s*源\s*[:：]\s*/, `${sourceLabel}：`);
  const credit = CREDIT.exec(text);
  const labelled = credit ? `${credit[2]}：${credit[1]}` : text;
  const source = `${sourceLabel}：${title}`;
  if (labelled === '') return source;
  return `${source} · ${labelled}`;
}
