import { describe, expect, it } from 'vitest';
import { PLAN_AREAS } from '../../../test-data/division/plan-rows.js';
import { readRepoText } from '../../ingest/testing/corpus.js';
import { normalizeReportText, parseReport } from '../parse/index.js';
import { buildTaskMatcher } from './match.js';
import { listIndexedTasks } from './report-tasks.js';

const sample = parseReport(normalizeReportText(readRepoText('examples/beijing-subcenter-2026-summary.md')));
const tasks = listIndexedTasks(sample).map(({ index, task }) => ({ index, text: task.text }));
const matcher = buildTaskMatcher(tasks);

describe('buildTaskMatcher', () => {
  it('matches a paraphrase by its shared words and numbers', () => {
    const result = matcher.match('全年新增完工面积25万平方米');
    expect(result.status).toBe('matched');
    expect(result.matches).toEqual(['1.1.1']);
    expect(result.candidates[0]).toEqual({ index: '1.1.1', score: expect.any(Number) });
  });

  it('matches one row to two tasks it spells out, and two rows to one task', () => {
    expect(matcher.match('推动首儿所通州院区完工，保障市疾控中心、卫生职业学院完成搬迁').matches).toEqual([
      '6.1.3',
      '6.1.4',
    ]);
    expect(matcher.match('更新老旧电梯100部以上').matches).toEqual(['5.1.2']);
    expect(matcher.match('完成10个小区市政管线改造').matches).toEqual(['5.1.2']);
  });

  it('leaves a row of no task unmatched, and a vague one to the office', () => {
    expect(matcher.match('开展全区安全生产治本攻坚三年行动')).toMatchObject({
      status: 'unmatched',
      matches: [],
    });
    const vague = matcher.match('加快推进重点道路建设');
    expect(vague.status).not.toBe('matched');
    expect(vague.matches).toEqual([]);
  });

  it('a different number lowers the score: 新增中小学学位5000个 is not taken as 6500', () => {
    const same = matcher.match('新增中小学学位6500个').candidates[0]?.score ?? 0;
    const other = matcher.match('新增中小学学位5000个').candidates[0]?.score ?? 0;
    expect(other).toBeLessThan(same);
  });

  it('matches every fixture row as hand-read (gold in test-data/division/plan-rows.ts)', () => {
    const rows = PLAN_AREAS.flatMap((area) => area.rows);
    const wrong = rows.filter((row) => {
      const result = matcher.match(row.text);
      return row.gold.length > 0
        ? result.status !== 'matched' || result.matches.join() !== row.gold.join()
        : result.status === 'matched';
    });
    expect(wrong.map((row) => row.text)).toEqual([]);
  });
});
