import { badInput } from '../core/errors.js';
import { NumberingCounter, readNumbering } from './docx-numbering.js';
import { DEFAULT_ZIP_LIMITS, listZipEntries, readZipEntry, type ZipEntry, type ZipLimits } from './zip.js';

const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g;

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, name: string) => {
    if (name === 'lt') return '<';
    if (name === 'gt') return '>';
    if (name === 'amp') return '&';
    if (name === 'quot') return '"';
    if (name === 'apos') return "'";
    const code = name.startsWith('#x')
      ? Number.parseInt(name.slice(2), 16)
      : Number.parseInt(name.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function mainDocumentPath(
  bytes: Uint8Array,
  entries: ZipEntry[],
  fileName: string,
  limits: ZipLimits,
): string {
  const rels = entries.find((entry) => entry.name === '_rels/.rels');
  if (rels) {
    const xml = new TextDecoder().decode(readZipEntry(bytes, rels, fileName, limits));
    for (const match of xml.matchAll(/<Relationship\b[^>]*>/g)) {
      const tag = match[0];
      if (/\/officeDocument"/.test(tag)) {
        const target = /Target="([^"]+)"/.exec(tag)?.[1];
        if (target) return target.replace(/^\//, '');
      }
    }
  }
  return 'word/document.xml';
}

/**
 * The body of a Word document as text: one line per paragraph, Word's automatic numbering
 * rendered as its label ("一、", "（一）", "1.") and bullets as "- " indented by level, table rows
 * as one line each with cells separated by tabs. Deleted revisions and duplicate fallback
 * content are skipped.
 */
export function docxToText(
  bytes: Uint8Array,
  fileName: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): string {
  const entries = listZipEntries(bytes, fileName, limits);
  const path = mainDocumentPath(bytes, entries, fileName, limits);
  const documentEntry = entries.find((entry) => entry.name === path);
  if (!documentEntry) {
    throw badInput(
      'unsupported_format',
      `${fileName} is a zip archive but not a Word document (no ${path}); upload .docx, .md or .txt`,
      `${fileName} 是压缩包而不是 Word 文档（缺少 ${path}），请上传 .docx、.md 或 .txt 文件`,
      { file: fileName },
    );
  }
  const numberingEntry = entries.find((entry) => entry.name === path.replace(/[^/]+$/, 'numbering.xml'));
  const numbering = new NumberingCounter(
    readNumbering(
      numberingEntry ? new TextDecoder().decode(readZipEntry(bytes, numberingEntry, fileName, limits)) : '',
    ),
  );
  const xml = new TextDecoder().decode(readZipEntry(bytes, documentEntry, fileName, limits));
  return documentXmlToText(xml, numbering);
}

interface Paragraph {
  text: string;
  numId?: string;
  level: number;
}

/** Walk document.xml once (linear in its length) and collect paragraph and table-row lines. */
export function documentXmlToText(xml: string, numbering: NumberingCounter): string {
  const lines: string[] = [];
  const paragraphs: Paragraph[] = [];
  const rows: string[][] = [];
  let cell: string[] | undefined;
  let inText = false;
  let inProperties = 0;
  let skipped = 0;
  const token = /<(\/?)([\w:]+)([^>]*?)(\/?)>|([^<]+)/g;
  for (const match of xml.matchAll(token)) {
    const [, closing, name = '', attrs = '', selfClosing, textNode] = match;
    if (textNode !== undefined) {
      const paragraph = paragraphs[paragraphs.length - 1];
      if (inText && skipped === 0 && paragraph) paragraph.text += decodeEntities(textNode);
      continue;
    }
    const opening = !closing;
    const empty = selfClosing === '/';
    if (name === 'mc:Fallback' || name === 'w:del' || name === 'w:instrText' || name === 'w:delText') {
      if (!empty) skipped += opening ? 1 : -1;
      continue;
    }
    switch (name) {
      case 'w:p':
        if (opening && !empty) paragraphs.push({ text: '', level: 0 });
        else if (opening && empty) emit({ text: '', level: 0 });
        else {
          const paragraph = paragraphs.pop();
          if (paragraph) emit(paragraph);
        }
        break;
      case 'w:pPr':
        if (!empty) inProperties += opening ? 1 : -1;
        break;
      case 'w:t':
        inText = opening && !empty;
        break;
      case 'w:tab':
        if (opening && inProperties === 0) append('\t');
        break;
      case 'w:br':
      case 'w:cr':
        if (opening) append('\n');
        break;
      case 'w:numId':
      case 'w:ilvl': {
        const paragraph = paragraphs[paragraphs.length - 1];
        const value = /w:val="([^"]*)"/.exec(attrs)?.[1];
        if (paragraph && value !== undefined && opening) {
          if (name === 'w:numId') paragraph.numId = value;
          else paragraph.level = Math.min(8, Number(value) || 0);
        }
        break;
      }
      case 'w:tr':
        if (opening && !empty) rows.push([]);
        else if (!opening) {
          const row = rows.pop();
          if (row?.some((text) => text.length > 0)) lines.push(row.join('\t'));
        }
        break;
      case 'w:tc':
        if (opening && !empty) cell = [];
        else if (!opening) {
          rows[rows.length - 1]?.push(
            (cell ?? [])
              .join(' ')
              .replace(/[\t\n]+/g, ' ')
              .trim(),
          );
          cell = undefined;
        }
        break;
      default:
        break;
    }
  }
  return lines.join('\n');

  function append(text: string): void {
    const paragraph = paragraphs[paragraphs.length - 1];
    if (paragraph && skipped === 0) paragraph.text += text;
  }

  function emit(paragraph: Paragraph): void {
    let line = paragraph.text;
    const label =
      paragraph.numId !== undefined ? numbering.label(paragraph.numId, paragraph.level) : undefined;
    if (label === '-') line = `${'  '.repeat(paragraph.level)}- ${line.trimStart()}`;
    else if (label) line = `${label}${line.trimStart()}`;
    if (cell && rows.length > 0) cell.push(line);
    else lines.push(line);
  }
}
