import { Card, Typography } from 'antd';
import { Link } from 'react-router';
import type { Area, Task } from '../api/types.js';
import { LightDot, StatusTag } from '../components/status.js';
import { useI18n } from '../i18n/i18n.js';
import { deadlineText, displayLabel, formatTarget, leadUnits } from '../report/tree-stats.js';

/** The ledger as nested lists of task cards, for phone-width screens. */
export function LedgerList({ areas }: { areas: readonly Area[] }) {
  return (
    <div className="ledger-list" data-testid="ledger-list">
      {areas.map((area) => (
        <section key={String(area.id)} className="ledger-list-area">
          <Typography.Title level={2} className="ledger-list-area-title">
            {displayLabel(area.label)}
            {area.title}
          </Typography.Title>
          {area.measures.map((measure) => (
            <section key={String(measure.id)}>
              <Typography.Title level={3} className="ledger-list-measure-title">
                {displayLabel(measure.label)}
                {measure.title}
              </Typography.Title>
              <TaskCards tasks={measure.tasks} />
            </section>
          ))}
          <TaskCards tasks={area.tasks ?? []} />
        </section>
      ))}
    </div>
  );
}

function TaskCards({ tasks }: { tasks: readonly Task[] }) {
  const { t } = useI18n();
  if (tasks.length === 0) return null;
  return (
    <ul className="plain-list task-cards">
      {tasks.map((task) => {
        const lead = leadUnits(task)
          .map((a) => a.unitName)
          .join('、');
        const deadline = deadlineText(task);
        return (
          <li key={String(task.id)}>
            <Card size="small" className="task-card">
              <Link to={`/tasks/${encodeURIComponent(String(task.id))}`} data-testid="ledger-task">
                {task.text}
              </Link>
              {task.targets?.length ? (
                <div className="task-card-targets">{task.targets.map(formatTarget).join('；')}</div>
              ) : null}
              <div className="task-card-meta">
                <StatusTag status={task.status.class} />
                <LightDot light={task.status.light} withText />
                <span>
                  {t('ledger.colLead')}：{lead || t('ledger.unassigned')}
                </span>
                {deadline ? (
                  <span>
                    {t('ledger.colDeadline')}：{deadline}
                  </span>
                ) : null}
              </div>
            </Card>
          </li>
        );
      })}
    </ul>
  );
}
