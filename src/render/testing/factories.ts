import type { Target, TaskAnalysis } from '../../core/target.js';
import type { ReportView, TaskView } from '../report-view.js';

/** A target as the extractor would return it, for tests. */
export function makeTarget(overrides: Partial<Target> = {}): Target {
  return {
    value: 6500,
    unit: '个',
    comparator: '=',
    change: 'increase',
    subject: '中小学学位',
    text: '6500个',
    span: [0, 5],
    ...overrides,
  };
}

export function makeAnalysis(targets: Target[] = []): TaskAnalysis {
  return { targets, deadline: null, commitment: null };
}

export interface ViewShape {
  areas: number;
  measuresPerArea?: number;
  tasksPerMeasure?: number;
  /** Repeat the area titles this many times to make them long. */
  titleRepeat?: number;
  reportTitle?: string;
  withTargets?: boolean;
  withProgress?: boolean;
  /** Give every task an id and a lead unit (and cooperating units on some). */
  withAssignments?: boolean;
}

const UNITS = ['区发展改革委', '区教委', '区住房和城乡建设委员会', '区人力社保局', '区生态环境局'];

const PHRASES = [
  '持续提升城市综合承载力',
  '加快建设国家绿色发展示范区',
  '推进M101线一期等重大工程建设',
  '新增中小学学位6500个，扩增公办学前教育学位720个',
  '促进城乡劳动力就业不少于1.5万人，城镇调查失业率控制在5%以内',
];

/** Builds a report view of a given shape with varied Chinese/Latin text and targets. */
export function makeView(shape: ViewShape): ReportView {
  const measures = shape.measuresPerArea ?? 3;
  const tasks = shape.tasksPerMeasure ?? 3;
  return {
    meta: { title: shape.reportTitle ?? '一图读懂 2026年政府工作报告', year: 2026, place: '示例区' },
    requirements: [
      '坚持稳中求进工作总基调，以推动高质量发展为主题，牢牢把握“立长远、强功能，全面上台阶”要求，推动各项工作取得新成效。',
    ],
    areas: Array.from({ length: shape.areas }, (_, a) => ({
      label: `${a + 1}、`,
      title: `坚持以新赋能，${'高质量推进经济社会发展'.repeat(shape.titleRepeat ?? 1)}`,
      measures: Array.from({ length: measures }, (_, m) => ({
        title: `${PHRASES[(a + m) % PHRASES.length]}`,
        tasks: Array.from({ length: tasks }, (_, t): TaskView => {
          const withTarget = shape.withTargets !== false && t === 0 && m < 2;
          const task: TaskView = {
            text: `${PHRASES[(a + m + t) % PHRASES.length]}，确保年底前完成第${t + 1}批项目`,
            analysis: makeAnalysis(
              withTarget
                ? [
                    makeTarget(
                      m === 0
                        ? {}
                        : {
                            value: 5,
                            unit: '%',
                            comparator: '<=',
                            change: 'level',
                            subject: '城镇调查失业率',
                          },
                    ),
                  ]
                : [],
            ),
          };
          if (shape.withAssignments) {
            task.id = `${a + 1}${m + 1}${t + 1}`;
            task.assignment = {
              leadUnit: UNITS[(a + m + t) % UNITS.length] ?? '区政府办',
              leadOfficial: t % 2 === 0 ? '张明（副区长）' : '',
              cooperatingUnits: t === 1 ? [UNITS[(a + 1) % UNITS.length] ?? '', '各街道乡镇'] : [],
              deadline: t === 2 ? '2026-09-30' : '2026-12-31',
            };
          }
          if (shape.withProgress) {
            const ratio = ((a + t) % 4) / 3;
            task.progress = {
              ratio,
              targetValues: withTarget ? [m === 0 ? 3900 : 4.6] : [],
              periodLabel: '2026-Q2',
              reportedAt: '2026-06-30',
            };
            task.status = {
              class:
                ratio >= 1 ? 'completed' : ratio >= 0.5 ? 'on_track' : ratio > 0 ? 'behind' : 'not_started',
              light: ratio >= 0.5 ? 'green' : ratio > 0 ? 'yellow' : 'red',
              overdue: false,
              completion: ratio,
              expected: 0.5,
            };
          }
          return task;
        }),
      })),
    })),
  };
}
