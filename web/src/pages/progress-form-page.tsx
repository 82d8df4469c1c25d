import { Alert, App, Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { getTask, listProgress, saveProgress, submitProgress } from '../api/client.js';
import type { ProgressReport, SaveProgressBody, TaskDetail } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { useApiErrorText } from '../api/use-api-error-text.js';
import { PageError, PageLoading } from '../components/page-state.js';
import { Panel } from '../components/panel.js';
import { ReportStateTag } from '../components/report-state.js';
import { withAppContext } from '../components/with-app-context.js';
import { useI18n } from '../i18n/i18n.js';
import { formatTarget } from '../report/tree-stats.js';
import { useSession } from '../session/session.js';
import { ConsolidationPanel } from './consolidation-panel.js';
import { ProgressAttachments } from './progress-attachments.js';

interface ProgressFormValues {
  values: Record<string, string | undefined>;
  percent?: string;
  narrative?: string;
  problems?: string;
  nextSteps?: string;
}

/** 填报 — a unit's progress report on one task for one period: draft, submit, resubmit. */
export const ProgressFormPage = withAppContext(ProgressFormContent);

function ProgressFormContent() {
  const { periodId = '', taskId = '' } = useParams();
  const { user } = useSession();
  const task = useApi(`task:${taskId}`, () => getTask(taskId));
  const progress = useApi(`progress:${periodId}`, () => listProgress(periodId));
  if (task.status === 'error') return <PageError error={task.error} onRetry={task.reload} />;
  if (progress.status === 'error') return <PageError error={progress.error} onRetry={progress.reload} />;
  if (task.status === 'loading' || progress.status === 'loading' || !user) return <PageLoading />;
  const mine = progress.data.find((p) => p.taskId === task.data.task.id && p.unitId === user.unitId);
  /** The unit's stored report and version, or none yet: a save or 提交 remounts what shows it. */
  const stored = mine ? `${mine.id}:${mine.version}` : 'new';
  const isLead = task.data.task.assignments.some((a) => a.unitId === user.unitId && a.role === 'lead');
  return (
    <section data-testid="progress-form-page">
      <h1 className="page-title">{task.data.task.text}</h1>
      <p className="secondary">
        <Link to={`/tasks/${task.data.task.id}`}>{task.data.reportTitle}</Link>
        {mine ? ` · ${mine.periodLabel}` : ''} · <ReportStateTag report={mine} />
      </p>
      {/* The form and the 汇总 panel are siblings: their keys must differ, or before the first
          save both are 'new' and React (production build) leaves the first form's DOM behind
          when the saved report's form replaces it, so the page shows two forms. */}
      <ProgressForm
        key={`form:${stored}`}
        detail={task.data}
        periodId={periodId}
        existing={mine}
        canSubmit={user.role === 'unit_head'}
        onSaved={progress.reload}
      />
      {isLead ? (
        // Keyed on the unit's own report: after a save or 提交 the panel reads the parts again.
        <ConsolidationPanel
          key={`consolidation:${stored}:${mine?.status ?? ''}`}
          periodId={periodId}
          detail={task.data}
        />
      ) : null}
    </section>
  );
}

function ProgressForm({
  detail,
  periodId,
  existing,
  canSubmit,
  onSaved,
}: {
  detail: TaskDetail;
  periodId: string;
  existing: ProgressReport | undefined;
  canSubmit: boolean;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const apiMessage = useApiErrorText();
  const [form] = Form.useForm<ProgressFormValues>();
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const { task } = detail;
  const editable = !existing || existing.status === 'draft' || existing.status === 'returned';

  const initial: ProgressFormValues = {
    values: Object.fromEntries(
      task.targets.map((target) => {
        const value = existing?.values.find((v) => v.targetId === target.id)?.value;
        return [String(target.id), value === null || value === undefined ? undefined : String(value)];
      }),
    ),
    percent: existing?.percent == null ? undefined : String(existing.percent),
    narrative: existing?.narrative ?? '',
    problems: existing?.problems ?? '',
    nextSteps: existing?.nextSteps ?? '',
  };

  const toBody = (values: ProgressFormValues): SaveProgressBody => ({
    version: existing?.version,
    narrative: values.narrative ?? '',
    problems: values.problems ?? '',
    nextSteps: values.nextSteps ?? '',
    percent: values.percent ? Number(values.percent) : null,
    values: task.targets.map((target) => {
      const raw = values.values?.[String(target.id)];
      return { targetId: target.id, value: raw === undefined || raw === '' ? null : Number(raw) };
    }),
  });

  const save = async (submit: boolean) => {
    const values = await form.validateFields();
    setBusy(submit ? 'submit' : 'save');
    try {
      const saved = await saveProgress(periodId, task.id, toBody(values));
      if (submit) await submitProgress(saved);
      message.success(submit ? t('progress.submittedDone') : t('progress.savedDone'));
      onSaved();
    } catch (error) {
      message.error(apiMessage(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Panel title={t('progress.form')} testId="progress-form">
      {existing?.status === 'returned' && existing.reviewReason ? (
        <Alert
          type="error"
          showIcon
          className="form-alert"
          title={t('task.returnedReason', { reason: existing.reviewReason })}
          data-testid="returned-reason"
        />
      ) : null}
      <Form<ProgressFormValues> form={form} layout="vertical" initialValues={initial} disabled={!editable}>
        {task.targets.map((target) => (
          <Form.Item
            key={target.id}
            name={['values', String(target.id)]}
            label={`${formatTarget(target)}（${t('progress.cumulative')}）`}
            rules={[{ pattern: /^-?\d+(\.\d+)?$/, message: t('progress.numberHint') }]}
          >
            <Input inputMode="decimal" suffix={target.unit} />
          </Form.Item>
        ))}
        {task.targets.length === 0 ? (
          <Form.Item
            name="percent"
            label={t('progress.percent')}
            rules={[{ pattern: /^(100|\d{1,2})(\.\d+)?$/, message: t('progress.percentHint') }]}
          >
            <Input inputMode="decimal" suffix="%" />
          </Form.Item>
        ) : null}
        <Form.Item
          name="narrative"
          label={t('progress.narrative')}
          rules={[{ required: true, whitespace: true, message: t('progress.narrativeRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={20000} />
        </Form.Item>
        <Form.Item name="problems" label={t('progress.problems')}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={20000} />
        </Form.Item>
        <Form.Item name="nextSteps" label={t('progress.nextSteps')}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={20000} />
        </Form.Item>
        <ProgressAttachments progressId={existing?.id ?? null} editable={editable} />
        {editable ? (
          <Space wrap>
            <Button onClick={() => void save(false)} loading={busy === 'save'}>
              {t('progress.saveDraft')}
            </Button>
            {canSubmit ? (
              <Button type="primary" onClick={() => void save(true)} loading={busy === 'submit'}>
                {existing?.status === 'returned' ? t('progress.resubmit') : t('progress.submit')}
              </Button>
            ) : (
              <span className="secondary">{t('progress.headSubmits')}</span>
            )}
          </Space>
        ) : null}
      </Form>
    </Panel>
  );
}
