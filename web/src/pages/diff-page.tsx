import { Collapse, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { getDiff, listReports } from '../api/client.js';
import type { AreaDiff, DiffCounts, DiffItem, TargetDiff } from '../api/diff-types.js';
import { useApi } from '../api/use-api.js';
import { PageError, PageLoading } from '../components/page-state.js';
import { Panel } from '../components/panel.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages.js';

const countKeys = ['continued', 'reworded', 'new', 'dropped'] as const;

/** Movement → label and tag color; the label carries the meaning, the color only repeats it. */
const movementTags: Partial<Record<TargetDiff['movement'], { label: MessageKey; color: string }>> = {
  raised: { label: 'diff.raised', color: 'green' },
  lowered: { label: 'diff.lowered', color: 'red' },
  changed: { label: 'diff.changed', color: 'orange' },
  new: { label: 'diff.newTarget', color: 'blue' },
  dropped: { label: 'diff.droppedTarget', color: 'default' },
};

/** 对比 — what changed between two reports: tasks continued/reworded/new/dropped and targets per area. */
export function DiffPage() {
  const { t } = useI18n();
  const reports = useApi('reports', listReports);
  const [before, setBefore] = useState<number | null>(null);
  const [after, setAfter] = useState<number | null>(null);
  const list = reports.data ?? [];
  // Default: the second newest against the newest; a report is never compared with itself.
  const afterId = after ?? list.find((report) => report.id !== before)?.id ?? null;
  const beforeId = before ?? list.find((report) => report.id !== afterId)?.id ?? null;
  const key = beforeId !== null && afterId !== null && beforeId !== afterId ? `${beforeId}:${afterId}` : null;
  const diff = useApi(key, () => getDiff(String(beforeId), String(afterId)));

  if (reports.status === 'loading') return <PageLoading />;
  if (reports.status === 'error') return <PageError error={reports.error} onRetry={reports.reload} />;
  if (list.length < 2) {
    return (
      <div className="diff-page">
        <h1>{t('diff.title')}</h1>
        <p data-testid="diff-need-two">{t('diff.needTwo', { count: list.length })}</p>
      </div>
    );
  }
  // Each select leaves out the report the other one holds.
  const optionsBut = (other: number | null) =>
    list
      .filter((report) => report.id !== other)
      .map((report) => ({
        value: report.id,
        label: report.year ? `${report.title}（${report.year}）` : report.title,
      }));

  return (
    <div className="diff-page">
      <h1>{t('diff.title')}</h1>
      <Space direction="vertical" style={{ width: '100%' }}>
        <label htmlFor="diff-before">{t('diff.before')}</label>
        <Select
          id="diff-before"
          style={{ width: '100%' }}
          options={optionsBut(afterId)}
          value={beforeId ?? undefined}
          onChange={(value: number) => setBefore(value)}
        />
        <label htmlFor="diff-after">{t('diff.after')}</label>
        <Select
          id="diff-after"
          style={{ width: '100%' }}
          options={optionsBut(beforeId)}
          value={afterId ?? undefined}
          onChange={(value: number) => setAfter(value)}
        />
      </Space>
      {key === null ? (
        <p>{t('diff.pick')}</p>
      ) : diff.status === 'loading' ? (
        <PageLoading />
      ) : diff.status === 'error' ? (
        <PageError error={diff.error} onRetry={diff.reload} />
      ) : (
        <div data-testid="diff-result">
          <Panel title={t('diff.total')} testId="diff-total">
            <CountLine counts={diff.data.counts} />
          </Panel>
          {diff.data.areas.map((area) => (
            <AreaPanel key={`${area.before?.index ?? '-'}:${area.after?.index ?? '-'}`} area={area} />
          ))}
        </div>
      )}
    </div>
  );
}

/** "延续 12 · 改写 3 · 新增 2 · 删除 1" */
function CountLine({ counts }: { counts: DiffCounts }) {
  const { t } = useI18n();
  return (
    <p data-testid="diff-counts" style={{ display: 'flex', flexWrap: 'wrap', gap: '0 12px', margin: 0 }}>
      {countKeys.map((name) => (
        <span key={name} data-count={name}>
          {t(`diff.${name}`)} <strong>{counts[name]}</strong>
        </span>
      ))}
    </p>
  );
}

/** One work area: counts, changed targets, and the new/dropped/reworded tasks to expand. */
function AreaPanel({ area }: { area: AreaDiff }) {
  const { t } = useI18n();
  const title = area.after?.title ?? area.before?.title ?? '';
  const targets = area.items
    .flatMap((item) => item.targets)
    .filter((target) => target.movement !== 'unchanged');
  const byStatus = (status: DiffItem['status']) => area.items.filter((item) => item.status === status);
  const added = byStatus('new');
  const dropped = byStatus('dropped');
  const reworded = byStatus('reworded');
  const sections = [
    { key: 'new', label: t('diff.newTasks', { count: added.length }), items: added, side: 'after' as const },
    {
      key: 'dropped',
      label: t('diff.droppedTasks', { count: dropped.length }),
      items: dropped,
      side: 'before' as const,
    },
  ]
    .filter((section) => section.items.length > 0)
    .map((section) => ({
      key: section.key,
      label: section.label,
      children: (
        <ul>
          {section.items.map((item) => (
            <li key={item[section.side]?.index ?? item[section.side]?.text}>{item[section.side]?.text}</li>
          ))}
        </ul>
      ),
    }));
  if (reworded.length > 0) {
    sections.push({
      key: 'reworded',
      label: t('diff.rewordedTasks', { count: reworded.length }),
      children: (
        <ul>
          {reworded.map((item) => (
            <li key={`${item.before?.index}:${item.after?.index}`}>
              <div>
                <Tag>{t('diff.beforeText')}</Tag>
                {item.before?.text}
              </div>
              <div>
                <Tag color="blue">{t('diff.afterText')}</Tag>
                {item.after?.text}
              </div>
            </li>
          ))}
        </ul>
      ),
    });
  }
  return (
    <Panel title={title} testId="diff-area">
      <CountLine counts={area.counts} />
      <h3 style={{ fontSize: 14, marginTop: 12 }}>{t('diff.targets')}</h3>
      {targets.length === 0 ? (
        <p data-testid="diff-no-targets">{t('diff.noTargets')}</p>
      ) : (
        <ul data-testid="diff-targets">
          {targets.map((target, index) => {
            const tag = movementTags[target.movement];
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: targets have no id; the list is static per answer.
              <li key={index} style={{ overflowWrap: 'anywhere' }}>
                {tag ? <Tag color={tag.color}>{t(tag.label)}</Tag> : null}
                {target.summary}
              </li>
            );
          })}
        </ul>
      )}
      {sections.length > 0 ? <Collapse size="small" items={sections} /> : null}
    </Panel>
  );
}
