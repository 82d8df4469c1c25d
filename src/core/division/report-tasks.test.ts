import { describe, expect, it } from 'vitest';
import { readCorpusText } from '../../ingest/testing/corpus.js';
import { normalizeReportText, parseReport } from '../parse/index.js';
import { buildTaskMatcher } from './match.js';
import { listIndexedTasks } from './report-tasks.js';

describe('listIndexedTasks', () => {
  it('lists the 主要预期目标 first as 0.k, and a plan row matches one of them', () => {
    const tree = parseReport(
      normalizeReportText(readCorpusText('provinces-2026/anhui-2026-work-report.txt')),
    );
    const tasks = listIndexedTasks(tree);
    expect(tasks[0]).toMatchObject({
      index: '0.1',
      path: ['主要预期目标'],
      task: { text: '全省地区生产总值增长5%—5.5%' },
    });
    const matcher = buildTaskMatcher(tasks.map(({ index, task }) => ({ index, text: task.text })));
    expect(matcher.match('地区生产总值增长5%—5.5%').matches).toEqual(['0.1']);
  });

  it('numbers a stored tree the same way: its flagged indicators area is 0, the others from 1', () => {
    const task = (text: string) => ({ text });
    const list = listIndexedTasks({
      areas: [
        { title: '主要预期目标', indicators: true, tasks: [task('GDP增长5%')], measures: [] },
        {
          label: '一、',
          title: '稳增长',
          tasks: [],
          measures: [{ label: '（一）', title: '扩投资', tasks: [task('投资')] }],
        },
      ],
    });
    expect(list.map((t) => [t.index, t.path, t.task.text])).toEqual([
      ['0.1', ['主要预期目标'], 'GDP增长5%'],
      ['1.1.1', ['一、稳增长', '（一）扩投资'], '投资'],
    ]);
  });
});
