import { Button, Form, Input, InputNumber } from 'antd';
import { Link, useParams } from 'react-router';
import { getReportUp, saveReportUp, submitReportUp } from '../api/client.js';
import type { ReportUp } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { useApiAction } from '../api/use-api-action.js';
import { PageError, PageLoading } from '../components/page-state.js';
import { Panel } from '../components/panel.js';
import { withAppContext } from '../components/with-app-context.js';
import { type Translate, useI18n } from '../i18n/i18n.js';
import { formatNumber } from '../report/tree-stats.js';
import { useSession } from '../session/session.js';
import { ReportUpState, SuperiorSource } from './superior-tasks-page.js';

interface ReportUpForm {
  narrative: string;
  problems: string;
  nextSteps: string;
  percent: number | null;
  /** 累计完成值 per target of the superior task, by target id. */
  values: Record<string, number | null>;
}

/** What the form starts from: the saved report up, else the consolidated draft. */
function startingValues(view: ReportUp): ReportUpForm {
  const from = view.current ?? view.draft;
  return {
    narrative: from.narrative,
    problems: from.problems,
    nextSteps: from.nextSteps,
    percent: from.percent,
    // Every superior target gets a field; a saved report up may hold no value for some.
    values: Object.fromEntries(
      view.draft.values.map((target) => [
        String(target.targetId),
        from.values.find((v) => v.targetId === target.targetId)?.value ?? null,
      ]),
    ),
  };
}

/** Where the figure's starting value comes from: the sum of own approved figures, or none. */
function draftFigureHint(t: Translate, target: ReportUp['draft']['values'][number]): string {
  if (target.summed === 0 || target.value === null) return t('reportUp.valueNotSummed');
  return t('reportUp.valueSummed', {
    value: formatNumber(target.value),
    unit: target.unit,
    count: target.summed,
  });
}

/** 向上报送 — the district office's report to the superior on one task for one superior period. */
function ReportUpContent() {
  const { t } = useI18n();
  const { user } = useSession();
  const { id = '', periodId = '' } = useParams();
  const view = useApi(`report-up:${id}:${periodId}`, () => getReportUp(id, periodId));
  const [form] = Form.useForm<ReportUpForm>();
  const act = useApiAction(view.reload);
  if (view.status === 'error') return <PageError error={view.error} onRetry={view.reload} />;
  if (view.status === 'loading' || !user) return <PageLoading />;
  const data = view.data;
  const current = data.current;
  const editable =
    user.role === 'admin' &&
    (current === null || current.status === 'draft' || current.status === 'returned');
  const save = (fields: ReportUpForm) =>
    saveReportUp(id, periodId, {
      ...(current ? { version: current.version } : {}),
      narrative: fields.narrative ?? '',
      problems: fields.problems ?? '',
      nextSteps: fields.nextSteps ?? '',
      percent: fields.percent ?? null,
      values: data.draft.values.map((target) => ({
        targetId: target.targetId,
        value: fields.values?.[String(target.targetId)] ?? null,
      })),
    });

  return (
    <section data-testid="report-up-page">
      <p>
        <Link to="/superior">{t('reportUp.back')}</Link>
      </p>
      <h1 className="page-title">
        {t('reportUp.title')} · {data.period.label}
      </h1>
      <SuperiorSource task={data.superiorTask} />
      <p>
        {t('reportUp.state')}：<ReportUpState status={current?.status ?? null} />
      </p>
      {current?.status === 'returned' && current.reviewReason ? (
        <div className="returned-reason">{t('task.returnedReason', { reason: current.reviewReason })}</div>
      ) : null}
      <div className="report-up-grid">
        <Panel title={t('reportUp.draft')} testId="report-up-draft">
          <p className="secondary">{t('reportUp.draftHint')}</p>
          <pre className="report-up-text" data-testid="report-up-draft-text">
            {data.draft.narrative || '—'}
          </pre>
          {data.draft.values.length > 0 ? (
            <ul className="plain-list">
              {data.draft.values.map((v) => (
                <li key={v.targetId}>
                  {v.subject}：{v.value ?? '—'} {v.unit}
                </li>
              ))}
            </ul>
          ) : null}
          {data.sources.length > 0 ? (
            <>
              <h3>{t('reportUp.sources')}</h3>
              <ul className="plain-list" data-testid="report-up-sources">
                {data.sources.map((s) => (
                  <li key={s.progressReportId}>
                    {s.unitName}（{s.periodLabel}）：{s.taskText}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {data.gaps.length > 0 ? (
            <>
              <h3>{t('reportUp.gaps')}</h3>
              <ul className="plain-list" data-testid="report-up-gaps">
                {data.gaps.map((g) => (
                  <li key={`${g.taskId}:${g.unitId}`}>
                    {g.unitName} · {g.status ? t(`progress.${g.status}`) : t('progress.none')}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Panel>
        <Panel title={t('reportUp.title')} testId="report-up-form">
          {editable ? null : <p className="secondary">{t('reportUp.locked')}</p>}
          <Form
            key={`${current?.id ?? 'new'}:${current?.version ?? 0}`}
            form={form}
            layout="vertical"
            disabled={!editable}
            initialValues={startingValues(data)}
            onFinish={(fields) => act(() => save(fields), t('reportUp.saved'))}
          >
            {data.draft.values.map((target) => (
              <Form.Item
                key={target.targetId}
                name={['values', String(target.targetId)]}
                label={t('reportUp.value', { subject: target.subject || target.unit })}
                extra={editable ? draftFigureHint(t, target) : undefined}
              >
                <InputNumber suffix={target.unit} className="report-up-value" />
              </Form.Item>
            ))}
            <Form.Item name="narrative" label={t('reportUp.narrative')}>
              <Input.TextArea rows={6} data-testid="report-up-narrative" />
            </Form.Item>
            <Form.Item name="problems" label={t('reportUp.problems')}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item name="nextSteps" label={t('reportUp.nextSteps')}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item name="percent" label={t('reportUp.percent')}>
              <InputNumber min={0} max={100} />
            </Form.Item>
            {editable ? (
              <div className="form-actions">
                <Button onClick={() => form.setFieldsValue(startingValues({ ...data, current: null }))}>
                  {t('reportUp.useDraft')}
                </Button>
                <Button htmlType="submit" data-testid="report-up-save">
                  {t('reportUp.save')}
                </Button>
                <Button
                  type="primary"
                  data-testid="report-up-submit"
                  onClick={async () => {
                    const fields = await form.validateFields();
                    await act(async () => {
                      const saved = await save(fields);
                      await submitReportUp(id, periodId, saved.version);
                    }, t('reportUp.submitted'));
                  }}
                >
                  {t('reportUp.submit')}
                </Button>
              </div>
            ) : null}
          </Form>
        </Panel>
      </div>
    </section>
  );
}

export const ReportUpPage = withAppContext(ReportUpContent);
