import { getConsolidation } from '../api/client.js';
import type { TaskDetail } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { Panel } from '../components/panel.js';
import { ReportStateTag } from '../components/report-state.js';
import { useI18n } from '../i18n/i18n.js';

/** 汇总 — the lead unit sees every unit's part of a task and the per-target totals. */
export function ConsolidationPanel({ periodId, detail }: { periodId: string; detail: TaskDetail }) {
  const { t } = useI18n();
  const data = useApi(`consolidation:${periodId}:${detail.task.id}`, () =>
    getConsolidation(periodId, detail.task.id),
  );
  if (!data.data || data.data.parts.length === 0) return null;
  const targets = new Map(detail.task.targets.map((target) => [target.id, target]));
  return (
    <Panel title={t('progress.consolidation')} testId="consolidation">
      <table className="plain-table">
        <thead>
          <tr>
            <th scope="col">{t('dashboard.unit')}</th>
            <th scope="col">{t('ledger.colStatus')}</th>
            <th scope="col">{t('progress.narrative')}</th>
          </tr>
        </thead>
        <tbody>
          {data.data.parts.map((part) => (
            <tr key={part.id}>
              <td>{part.unitName}</td>
              <td>
                <ReportStateTag report={part} />
              </td>
              <td>{part.narrative}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.data.totals.length > 0 ? (
        <ul className="plain-list consolidation-totals">
          {data.data.totals.map((total) => {
            const target = targets.get(total.targetId);
            return (
              <li key={total.targetId}>
                {target?.subject}：{total.sum ?? t('common.none')}
                {target?.unit} · {t('progress.reportedBy', { count: total.reported })}
              </li>
            );
          })}
        </ul>
      ) : null}
    </Panel>
  );
}
