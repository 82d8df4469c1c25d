import { Empty } from 'antd';
import { useParams } from 'react-router';
import { getDecomposition } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { PageError, PageLoading } from '../components/page-state.js';
import { useI18n } from '../i18n/i18n.js';
import { ReportUpState, SuperiorLinks, SuperiorSource } from './superior-tasks-page.js';

/**
 * The superior's read-only view of how a subordinate government carries out the tasks handed
 * down to it: status, reference numbers, its own tasks and units, and its reports up.
 */
export function DecompositionPage() {
  const { t } = useI18n();
  const { organisationId = '' } = useParams();
  const view = useApi(`decomposition:${organisationId}`, () => getDecomposition(organisationId));
  if (view.status === 'error') return <PageError error={view.error} onRetry={view.reload} />;
  if (view.status === 'loading') return <PageLoading />;
  const { organisation, superiorTasks } = view.data;
  return (
    <section data-testid="decomposition-page">
      <h1 className="page-title">{t('decomposition.title', { name: organisation.name })}</h1>
      <p className="secondary">{t('decomposition.intro')}</p>
      {superiorTasks.length === 0 ? (
        <Empty description={t('decomposition.none')} />
      ) : (
        <ul className="plain-list task-cards">
          {superiorTasks.map((task) => (
            <li key={task.id} className="inbox-item" data-testid="decomposition-task">
              <SuperiorSource task={task} />
              <h2 className="panel-title">{t('superior.links')}</h2>
              <SuperiorLinks task={task} />
              {task.periods.length > 0 ? (
                <div className="task-card-meta">
                  {task.periods.map((period) => (
                    <span key={period.periodId}>
                      {t('superior.reportUpPeriod', { label: period.label })}{' '}
                      <ReportUpState status={period.progressStatus} />
                    </span>
                  ))}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
