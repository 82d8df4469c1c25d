import { parseChineseNumber, parseChineseOrdinal } from '../extract/numerals.js';
import type { ReportMeta } from '../report-tree.js';
import { type Block, blockContent } from './blocks.js';
import { GREETING } from './classify.js';

/** What a line of a report's header (or trailer) says about the document. */
export type HeaderLineKind = 'title' | 'session' | 'source' | 'speaker' | 'caption' | 'dateline' | 'credit';

const SESSION = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*在(.{0,40}?)(人民代表大会|人大)/;
/** The same date written in Chinese numerals: "二〇二六年一月二十七日在…人民代表大会". */
const SESSION_CN =
  /([〇零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日\s*在(.{0,40}?)(人民代表大会|人大)/;
const SOURCE = /^(来\s*源|时\s*间|发布时间|发布日期|日期|作者|编辑|责任编辑|稿源|出处|字号)\s*[:：]/;
const DATELINE = /^(新华社|人民网|中新社|新华网|央视网|本报)[^。]{0,16}电/;
const CAPTION = /(记者|摄影|图)[^。]{0,24}摄[）)]?$/;
const SPEAKER =
  /(国务院总理|代省长|代市长|代区长|代县长|省长|市长|区长|县长|州长|盟长|旗长|主席)[\s\u3000]*([\u4e00-\u9fff](?:[\s\u3000]{0,3}[\u4e00-\u9fff]){1,3})/;
const CREDIT =
  /^[（(【[]?[^（）()【】[\]]{0,24}(整理|编辑|供稿|撰稿|制图|校对|编写|来源)[^（）()【】[\]]{0,24}[）)】\]]?$/;
const TRAILER = /^(责任编辑|编辑|来源)\s*[:：]?/;
/**
 * Controls and furniture of the web page a report was copied from (下载 打印 全屏 收藏 【字号：
 * 加大 还原 减小】, 扫一扫在手机打开当前页, 关闭窗口, 相关报道：, breadcrumbs, a bare time stamp):
 * never report text, wherever they stand at either end of the text.
 */
const PAGE_CONTROL =
  /^(?:[【】[\]>|]|下载|打印|打印本页|全屏|收藏|分享[:：]?|【?字[号体][:：]?|加大|还原|减小|[小中大]|关闭(?:窗口|本页)?|扫一扫.{0,12}|当前位置[:：]?|首页|阅读量[:：]?\s*\d*|(?:发表|发布)?时间[:：]|来源[:：]|相关(?:报道|阅读|新闻|链接)[:：]?|\d{4}-\d{2}-\d{2}(?:\s+\d{2}:\d{2}(?::\d{2})?)?)$/;

/** A line of web-page furniture (see PAGE_CONTROL). */
export function isPageControl(content: string): boolean {
  return content.length <= 16 && PAGE_CONTROL.test(content);
}

/** The delivery date and venue of a session line, in Arabic or Chinese numerals. */
function sessionOf(content: string): { y: string; m: string; d: string; where: string } | undefined {
  const arabic = SESSION.exec(content);
  if (arabic) return { y: arabic[1] ?? '', m: arabic[2] ?? '', d: arabic[3] ?? '', where: arabic[4] ?? '' };
  const chinese = SESSION_CN.exec(content);
  if (!chinese) return undefined;
  return {
    y: String(parseChineseNumber(chinese[1] ?? '') ?? 0), // positional: 二〇二六
    m: String(parseChineseOrdinal(chinese[2] ?? '')),
    d: String(parseChineseOrdinal(chinese[3] ?? '')),
    where: chinese[4] ?? '',
  };
}

/** Classify a header line; undefined means it is body text. */
export function headerLineKind(content: string, isFirstHeading: boolean): HeaderLineKind | undefined {
  if (content.length > 160) return undefined;
  if (GREETING.test(content)) return undefined;
  if (DATELINE.test(content) && content.length < 40) return 'dateline';
  if (CAPTION.test(content)) return 'caption';
  if (SOURCE.test(content)) return 'source';
  if (isFirstHeading || /^[^，。；]{0,30}工作报告([（(][^（）()]{0,8}[）)])?(——|－－|\s*$)/.test(content))
    return 'title';
  if (sessionOf(content)) return 'session';
  if (SPEAKER.test(content) && content.length <= 30 && !/[，。；]/.test(content)) return 'speaker';
  return undefined;
}

/** A photo caption ("…本报记者 戴冰摄"): layout noise wherever it appears. */
export function isCaption(content: string): boolean {
  const last = content.charCodeAt(content.length - 1);
  // Cheap pre-check: a caption ends with 摄 (or 摄）).
  if (last !== 0x6444 && last !== 0xff09 && last !== 0x29) return false;
  return content.length <= 160 && CAPTION.test(content);
}

/** A trailing credit such as "(陈施君/整理)" or "责任编辑：…". */
export function isTrailerLine(content: string): boolean {
  if (content.length > 60) return false;
  return (
    CREDIT.test(content) ||
    TRAILER.test(content) ||
    /^[（(][^（）()]{1,20}[/／][^（）()]{1,20}[）)]$/.test(content)
  );
}

/** Facts gathered from header lines, section titles and the opening paragraph. */
export interface MetaEvidence {
  header: { kind: HeaderLineKind; content: string; headingBody?: string }[];
  trailer: string[];
  sectionTitles: string[];
  openingParagraph?: string;
  /** The general requirements (总体要求) paragraphs, for a report whose header names no place or year. */
  requirementsText?: string;
}

function cleanSpeaker(raw: string): string {
  const compact = raw.replace(/[\s\u3000]/g, '');
  // "殷勇同志作政府工作报告" — the name stops before 同志 / 作 / 在.
  const cut = compact.search(/同志|作|在|代表|向/);
  return (cut === -1 ? compact : compact.slice(0, cut)).slice(0, 4);
}

function placeFromTitle(title: string): string | undefined {
  const match = /^(?:\d{4}\s*年)?\s*(.{2,16}?)(?:\d{4}\s*年)?(?:人民政府)?政府工作报告/.exec(title);
  const candidate = match?.[1]?.trim();
  if (candidate && /(省|市|区|县|自治区|自治州|州|盟|旗|特别行政区)$/.test(candidate)) return candidate;
  return undefined;
}

/**
 * The place a local report is about, from the instructions it says it follows: "习近平总书记对广东
 * 系列重要讲话" names 广东; a second addressee chained on ("对北京重要讲话、对城市副中心重要指示")
 * is a part of the first, so the place is both (北京城市副中心).
 */
const INSTRUCTED_PLACE =
  /总书记对([\u4e00-\u9fff]{2,8}?)(?:工作|发展|振兴发展)?的?(?:系列)?重要(?:讲话|指示)(?:、对([\u4e00-\u9fff]{2,8}?)(?:工作|发展)?的?重要(?:讲话|指示))?/;

function placeFromInstructions(text: string): string | undefined {
  const match = INSTRUCTED_PLACE.exec(text);
  if (!match?.[1]) return undefined;
  return `${match[1]}${match[2] ?? ''}`;
}

/**
 * The year a report plans for, from the five-year plan it opens: "实现“十五五”良好开局" or "今年是
 * “十五五”开局之年" is said in the plan's first year (十五五 → 2026). "为实现“十五五”良好开局打牢基础"
 * is said the year before, and is not read.
 */
const PLAN_OPENING =
  /(?<!为)(?:实现|确保|今年是(?:实施)?)[“"]?十([一二三四五六七八九])五[”"]?(?:规划)?的?(?:良好)?开局/;

function yearFromPlanOpening(text: string): number | undefined {
  const match = PLAN_OPENING.exec(text);
  if (!match?.[1]) return undefined;
  // The third plan began in 1966 and every plan since has run five years.
  return 1966 + 5 * (10 + parseChineseOrdinal(match[1]) - 3);
}

/** Build the report's metadata from the evidence; every field is optional except the title. */
export function buildMeta(evidence: MetaEvidence): ReportMeta {
  const meta: ReportMeta = { title: '' };
  const titleOf = (line: MetaEvidence['header'][number]): string => {
    const body = line.headingBody ?? line.content;
    // National 2018 merges "政府工作报告——2018年3月5日在…上国务院总理 李克强" into one line.
    return body.split(/——|－－|--/)[0]?.trim() ?? body;
  };
  const titles = evidence.header.filter((line) => line.kind === 'title').map(titleOf);
  // A web page may give both its own headline and the document's title: the document's title is
  // the one its session line ("——2026年2月3日在…会议上") stands under; else the one naming the
  // year or the government says more than a breadcrumb ("省政府工作报告").
  const overSession = evidence.header.find(
    (line, i) => line.kind === 'title' && evidence.header[i + 1]?.kind === 'session',
  );
  meta.title =
    (overSession ? titleOf(overSession) : undefined) ??
    titles.find((title) => /\d{4}\s*年|[省市区县州盟旗]/.test(title)) ??
    titles[0] ??
    '';
  for (const line of evidence.header) {
    const session = sessionOf(line.content);
    if (session && meta.date === undefined) {
      const { y, m, d, where } = session;
      meta.date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
      meta.year = Number(y);
      const venue = where.trim();
      if (/全国/.test(venue)) meta.place = '国务院';
      else {
        const placeMatch = /^(.{2,12}?)第?[一二三四五六七八九十]+届/.exec(venue);
        if (placeMatch?.[1]) meta.place = placeMatch[1];
      }
    }
    if (line.kind === 'source' && /^来\s*源/.test(line.content) && meta.source === undefined) {
      meta.source = line.content.replace(SOURCE, '').trim();
    }
    if (line.kind === 'source' && /^(时\s*间|发布时间|发布日期|日期)/.test(line.content)) {
      const published = /(\d{4})[-年/.](\d{1,2})[-月/.](\d{1,2})/.exec(line.content);
      if (published) {
        meta.publishedDate = `${published[1]}-${published[2]?.padStart(2, '0')}-${published[3]?.padStart(2, '0')}`;
      }
    }
    if (line.kind !== 'caption' && line.kind !== 'dateline' && meta.speaker === undefined) {
      const speaker = SPEAKER.exec(line.content);
      if (speaker?.[2]) {
        const name = cleanSpeaker(speaker[2]);
        if (name.length >= 2) {
          meta.speaker = name;
          const before = line.content.slice(0, speaker.index).replace(/.*(上|\s)/, '');
          meta.speakerTitle = `${before}${speaker[1]}`.trim();
          if (meta.place === undefined && /国务院/.test(speaker[1] ?? '')) meta.place = '国务院';
        }
      }
    }
  }
  if (meta.title !== '') {
    const yearInTitle = /(\d{4})\s*年/.exec(meta.title);
    if (yearInTitle && meta.year === undefined) meta.year = Number(yearInTitle[1]);
    meta.place ??= placeFromTitle(meta.title);
  }
  if (meta.place === undefined && meta.speakerTitle) {
    const office = /(.{2,8}?[省市区县州])(省长|市长|区长|县长|州长)$/.exec(meta.speakerTitle);
    if (office?.[1]) meta.place = office[1];
  }
  if (meta.place === undefined && evidence.openingParagraph) {
    const representing = /我代表(.{2,12}?)人民政府/.exec(evidence.openingParagraph);
    if (representing?.[1] && representing[1].length >= 2) meta.place = representing[1];
    else if (/我代表国务院/.test(evidence.openingParagraph)) meta.place = '国务院';
  }
  if (meta.year === undefined) {
    for (const title of evidence.sectionTitles) {
      const tasksYear = /(\d{4})\s*年.*(任务|重点工作|工作安排|建议|总体要求)/.exec(title);
      if (tasksYear) {
        meta.year = Number(tasksYear[1]);
        break;
      }
    }
  }
  if (evidence.requirementsText) {
    if (meta.place === undefined) {
      const place = placeFromInstructions(evidence.requirementsText);
      if (place) meta.place = place;
    }
    if (meta.year === undefined) {
      const year = yearFromPlanOpening(evidence.requirementsText);
      if (year) meta.year = year;
    }
  }
  if (meta.title === '' && evidence.openingParagraph && /报告(政府)?工作/.test(evidence.openingParagraph)) {
    // "现在，我代表国务院，向大会报告政府工作" — the speech itself says what it is.
    meta.title = '政府工作报告';
  }
  if (evidence.trailer.length > 0) meta.attribution = evidence.trailer.join(' ');
  else if (meta.source !== undefined) meta.attribution = `来源：${meta.source}`;
  return meta;
}

/** How far into a text its salutation ("各位代表：") may stand and still close a header. */
const MAX_HEADER_BLOCKS = 40;

/**
 * Header blocks: the lines before the opening salutation ("各位代表：") when it comes within the
 * first lines — whatever stands there that is not a title, session, speaker or source line is page
 * furniture (breadcrumbs, 【字号】 controls, photo captions) and is dropped. Without a salutation,
 * consecutive header-like lines at the very start, page controls skipped.
 */
export function splitHeader(
  text: string,
  blocks: readonly Block[],
): { headerEnd: number; header: MetaEvidence['header'] } {
  let greeting = -1;
  for (let i = 0; i < blocks.length && i < MAX_HEADER_BLOCKS; i++) {
    const block = blocks[i] as Block;
    if (block.kind === 'labelled' || block.kind === 'bullet' || block.kind === 'heading') break;
    const content = blockContent(text, block);
    if (GREETING.test(content)) {
      greeting = i;
      break;
    }
    // A paragraph of the speech itself: the header is over.
    if (content.length > 160) break;
  }
  const header: MetaEvidence['header'] = [];
  if (greeting >= 0) {
    const lines = blocks
      .slice(0, greeting)
      .map((block) => blockContent(text, block))
      .filter((content) => !isPageControl(content));
    for (let i = 0; i < lines.length; i++) {
      const content = lines[i] as string;
      const kind = headerLineKind(content, false);
      if (kind) {
        header.push({ kind, content });
        continue;
      }
      // A session line the page broke in two ("——2026年1月26日在广东省第十四届" / "人民代表大会…").
      const joined = `${content}${lines[i + 1] ?? ''}`;
      if (sessionOf(joined)) {
        header.push({ kind: 'session', content: joined });
        i++;
      }
    }
    return { headerEnd: greeting, header };
  }
  let index = 0;
  let sawHeading = false;
  // A report header is a handful of lines; looking further would read body text as header.
  while (index < blocks.length && index < 12 + header.length) {
    const block = blocks[index];
    if (!block) break;
    const content = blockContent(text, block);
    if (block.kind === 'plain' && isPageControl(content)) {
      index++;
      continue;
    }
    const isFirstHeading = block.kind === 'heading' && block.headingLevel === 1 && !sawHeading;
    if (block.kind === 'heading' && !isFirstHeading) break;
    if (block.kind === 'labelled' || block.kind === 'bullet') break;
    const kind = headerLineKind(content, isFirstHeading);
    if (!kind) break;
    if (block.kind === 'heading') sawHeading = true;
    const entry: MetaEvidence['header'][number] = { kind, content };
    if (block.kind === 'heading') entry.headingBody = text.slice(block.bodyStart, block.bodyEnd);
    if (isFirstHeading) entry.headingBody = text.slice(block.start, block.bodyEnd).replace(/^#+\s*/, '');
    header.push(entry);
    index++;
  }
  return { headerEnd: index, header };
}
