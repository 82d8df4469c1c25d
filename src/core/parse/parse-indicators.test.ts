import { describe, expect, it } from 'vitest';
import { ALL_CORPUS_FILES, readCorpusText, readRepoText } from '../../ingest/testing/corpus.js';
import { analyzeTask } from '../extract/index.js';
import type { ReportTree } from '../report-tree.js';
import { normalizeReportText, parseReport } from './index.js';

function parse(text: string): ReportTree {
  return parseReport(normalizeReportText(text));
}

function items(tree: ReportTree): string[] {
  return tree.indicators?.tasks.map((task) => task.text) ?? [];
}

/** The hand-read tree of a corpus report (test-data/corpus-trees), when it has been written. */
function handReadIndicators(file: string): string[] | undefined {
  const name = (file.split('/').pop() ?? file).replace(/\.(txt|md)$/, '');
  let json: string;
  try {
    json = readRepoText(`test-data/corpus-trees/${name}.json`);
  } catch {
    return undefined;
  }
  const tree = JSON.parse(json) as { indicators?: { items?: string[] } | null };
  return tree.indicators?.items ?? [];
}

/** Comparable form of an indicator clause: no spaces, full-width percent signs folded. */
function fold(clause: string): string {
  return clause.replace(/[\s　。；，、]/g, '').replace(/％/g, '%');
}

describe('主要预期目标 (indicators)', () => {
  it('gives the national 2025 report its real indicators, one task per clause', () => {
    const tree = parse(readCorpusText('national-2025-work-report.txt'));
    expect(tree.indicators?.title).toBe('主要预期目标');
    expect(items(tree)).toEqual([
      '国内生产总值增长5%左右',
      '城镇调查失业率5.5%左右',
      '城镇新增就业1200万人以上',
      '居民消费价格涨幅2%左右',
      '居民收入增长和经济增长同步',
      '国际收支保持基本平衡',
      '粮食产量1.4万亿斤左右',
      '单位国内生产总值能耗降低3%左右',
      '生态环境质量持续改善',
    ]);
    const targets = tree.indicators?.tasks.flatMap((task) => analyzeTask(task.text, { year: 2025 }).targets);
    expect(targets?.map((t) => `${t.subject} ${t.value}${t.unit} ${t.comparator}`)).toEqual([
      '国内生产总值 5% ~',
      '城镇调查失业率 5.5% ~',
      '城镇新增就业 12000000人 >=',
      '居民消费价格涨幅 2% ~',
      '粮食产量 1400000000000斤 ~',
      '单位国内生产总值能耗 3% ~',
    ]);
  });

  it('keeps every task span on its text and the block span around them', () => {
    for (const file of ALL_CORPUS_FILES) {
      const tree = parse(readCorpusText(file));
      const block = tree.indicators;
      if (!block) continue;
      for (const task of block.tasks) {
        expect(tree.text.slice(task.span[0], task.span[1])).toBe(task.text);
        expect(task.span[0]).toBeGreaterThanOrEqual(block.span[0]);
        expect(task.span[1]).toBeLessThanOrEqual(block.span[1]);
      }
    }
  });

  it('finds this year’s indicators in every work report of the corpus, growth first', () => {
    for (const file of ALL_CORPUS_FILES) {
      if (file.endsWith('.md')) continue; // the 一图读懂 sample states no indicators
      const found = items(parse(readCorpusText(file)));
      expect(found.length, file).toBeGreaterThanOrEqual(3);
      expect(found[0], file).toMatch(/生产总值|经济增长/);
      // Five-year-plan goals (年均增长) and exhortations are not this year's indicators.
      expect(found.join('|'), file).not.toMatch(/年均增长|更好结果|跑赢/);
    }
  });

  it('skips a five-year-plan list and last year’s results, and stops at the comment after the list', () => {
    const tree = parse(
      [
        '一、2025年工作回顾',
        '去年主要预期目标是：地区生产总值增长5.2%，完成全年目标。',
        '二、“十五五”时期主要目标',
        '“十五五”时期经济社会发展的主要目标是：地区生产总值年均增长5%左右，科技自立自强水平大幅提高。',
        '三、2026年重点工作',
        '今年经济社会发展主要预期目标是：地区生产总值增长5.5%左右、在实际工作中努力争取更好结果；城镇新增就业12万人以上，城乡居民人均可支配收入分别增长5%、6%左右；居民收入增长与经济增长同步。全员劳动生产率增速高于地区生产总值增速、高于全国平均水平。上述目标兼顾了需要和可能。',
        '（一）扩大有效需求',
        '实施提振消费专项行动。',
      ].join('\n'),
    );
    expect(items(tree)).toEqual([
      '地区生产总值增长5.5%左右',
      '城镇新增就业12万人以上',
      '城乡居民人均可支配收入分别增长5%、6%左右',
      '居民收入增长与经济增长同步',
      '全员劳动生产率增速高于地区生产总值增速、高于全国平均水平',
    ]);
  });

  it('has no indicators block when the report states none', () => {
    expect(
      parse('一、2026年重点工作\n（一）扩大有效需求\n实施提振消费专项行动。').indicators,
    ).toBeUndefined();
  });

  it('finds exactly the indicators read by hand (test-data/corpus-trees), clause for clause', () => {
    let compared = 0;
    for (const file of ALL_CORPUS_FILES) {
      const expected = handReadIndicators(file);
      if (expected === undefined) continue;
      compared++;
      const found = items(parse(readCorpusText(file))).map(fold);
      expect(found, file).toEqual(expected.map(fold));
    }
    expect(compared).toBeGreaterThanOrEqual(28);
  });
});
