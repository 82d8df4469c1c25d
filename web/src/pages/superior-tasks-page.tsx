import { Button, DatePicker, Empty, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  acceptSuperiorTask,
  decomposeSuperiorTask,
  getReport,
  linkSuperiorTask,
  listReports,
  listSuperiorTasks,
  setSuperiorTaskReference,
} from '../api/client.js';
import type { SuperiorTask } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { useApiAction } from '../api/use-api-action.js';
import { PageError, PageLoading } from '../components/page-state.js';
import { REPORT_STATE_CLASS } from '../components/report-state.js';
import { withAppContext } from '../components/with-app-context.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages.js';
import { areaTasks } from '../report/tree-stats.js';
import { useCurrentReport } from '../session/current-report.js';
import { useSession } from '../session/session.js';
import './office-pages.css';

/** The state of a report up in a superior period, as a tag. */
export function ReportUpState({ status }: { status: SuperiorTask['periods'][number]['progressStatus'] }) {
  const { t } = useI18n();
  const state = status ?? 'none';
  const className = REPORT_STATE_CLASS[state];
  return (
    <span className={className} data-testid="report-up-state">
      {status === null ? t('superior.notReported') : t(`progress.${state}` as MessageKey)}
    </span>
  );
}

/** The source of a superior task: the superior government, its report, the area and the task. */
export function SuperiorSource({ task }: { task: SuperiorTask }) {
  const { t } = useI18n();
  return (
    <>
      <div className="secondary" data-testid="superior-source">
        {t('superior.source')}：{task.source.organisationName ?? ''} · {task.source.reportTitle}
        {task.source.areaTitle ? ` · ${task.source.areaTitle}` : ''}
      </div>
      <div className="superior-text" data-testid="superior-text">
        {task.source.taskLabel ? `${task.source.taskLabel} ` : ''}
        {task.source.taskText}
      </div>
      <div className="task-card-meta">
        <span
          className={task.status === 'pending' ? 'status-tag status-behind' : 'status-tag status-completed'}
        >
          {task.withdrawn
            ? t('superior.withdrawn')
            : task.status === 'pending'
              ? t('superior.pending')
              : t('superior.accepted')}
        </span>
        <span>
          {t('superior.role')}：{task.assignment.role === 'lead' ? t('task.lead') : t('task.cooperating')}（
          {task.assignment.unitName}）
        </span>
        <span>
          {t('superior.lead')}：{task.assignment.leadOfficial ?? '—'}
        </span>
        <span>
          {t('superior.deadline')}：{task.assignment.deadline ?? '—'}
        </span>
        <span data-testid="superior-reference">
          {t('superior.reference')}：{task.referenceNumber ?? '—'}
        </span>
      </div>
    </>
  );
}

/** The own tasks that carry a superior task out, with the units they were given to. */
export function SuperiorLinks({ task }: { task: SuperiorTask }) {
  const { t } = useI18n();
  if (task.links.length === 0) return <p className="empty-note">{t('superior.noLinks')}</p>;
  return (
    <ul className="plain-list" data-testid="superior-links">
      {task.links.map((link) => (
        <li key={link.taskId} data-testid="superior-link">
          <Link to={`/tasks/${link.taskId}`}>
            {link.label ? `${link.label} ` : ''}
            {link.text}
          </Link>{' '}
          <span className="secondary">
            {link.reportTitle}
            {link.units.length > 0 ? ` · ${link.units.map((u) => u.unitName).join('、')}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}

interface DecomposeForm {
  reportId: number;
  lines: string;
  deadline?: Dayjs | null;
}

/** 分解 — the office writes new own tasks for an accepted superior task. */
function DecomposeButton({ task, onDone }: { task: SuperiorTask; onDone: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<DecomposeForm>();
  const { reportId } = useCurrentReport();
  const reports = useApi(open ? 'reports' : null, listReports);
  const act = useApiAction(onDone);
  const submit = async (values: DecomposeForm) => {
    const lines = values.lines
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    const deadline = values.deadline ? values.deadline.format('YYYY-MM-DD') : null;
    let count = 0;
    const ok = await act(async () => {
      const result = await decomposeSuperiorTask(task.id, {
        reportId: values.reportId,
        tasks: lines.map((text) => ({ text, deadline })),
      });
      count = result.taskIds.length;
    });
    if (ok) {
      setOpen(false);
      form.resetFields();
      // The count is known only after the write.
      act(async () => {}, t('superior.decomposed', { count }));
    }
  };
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="superior-decompose">
        {t('superior.decompose')}
      </Button>
      <Modal
        open={open}
        title={t('superior.decomposeTitle')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('superior.decompose')}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ reportId: reportId === null ? undefined : Number(reportId), lines: '' }}
        >
          <Form.Item name="reportId" label={t('superior.decomposeReport')} rules={[{ required: true }]}>
            <Select
              data-testid="decompose-report"
              loading={reports.status === 'loading'}
              options={(reports.data ?? []).map((r) => ({ value: r.id, label: r.title }))}
            />
          </Form.Item>
          <Form.Item
            name="lines"
            label={t('superior.decomposeTasks')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input.TextArea rows={4} data-testid="decompose-lines" />
          </Form.Item>
          <Form.Item name="deadline" label={t('superior.decomposeDeadline')}>
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 关联 — the office links an accepted superior task to tasks of the current own report. */
function LinkPicker({ task, onDone }: { task: SuperiorTask; onDone: () => void }) {
  const { t } = useI18n();
  const { reportId } = useCurrentReport();
  const report = useApi(reportId === null ? null : `report:${reportId}`, () => getReport(reportId ?? 0));
  const [chosen, setChosen] = useState<number[]>([]);
  const act = useApiAction(() => {
    setChosen([]);
    onDone();
  });
  const linked = new Set(task.links.map((l) => l.taskId));
  const options = (report.data?.areas ?? [])
    .flatMap(areaTasks)
    .filter((own) => !linked.has(own.id))
    .map((own) => ({ value: own.id, label: `${own.label ?? ''} ${own.text}`.trim() }));
  return (
    <span className="superior-link-picker">
      <Select
        mode="multiple"
        showSearch
        optionFilterProp="label"
        placeholder={t('superior.linkPick')}
        value={chosen}
        onChange={setChosen}
        options={options}
        style={{ minWidth: 280, maxWidth: 520 }}
        data-testid="superior-link-select"
        aria-label={t('superior.linkPick')}
      />
      <Button
        disabled={chosen.length === 0}
        onClick={() => act(() => linkSuperiorTask(task.id, chosen), t('superior.linked'))}
        data-testid="superior-link-button"
      >
        {t('superior.link')}
      </Button>
    </span>
  );
}

/** The office's reference number field with accept (pending) or save (accepted). */
function ReferenceAndAccept({ task, onDone }: { task: SuperiorTask; onDone: () => void }) {
  const { t } = useI18n();
  const [reference, setReference] = useState(task.referenceNumber ?? '');
  const act = useApiAction(onDone);
  const value = reference.trim() === '' ? null : reference.trim();
  return (
    <span className="superior-accept">
      <Input
        value={reference}
        onChange={(e) => setReference(e.target.value)}
        placeholder={t('superior.referencePlaceholder')}
        aria-label={t('superior.reference')}
        maxLength={100}
        style={{ width: 220 }}
        data-testid="superior-reference-input"
      />
      {task.status === 'pending' ? (
        <Button
          type="primary"
          onClick={() => act(() => acceptSuperiorTask(task, value), t('superior.accepted.done'))}
          data-testid="superior-accept"
        >
          {t('superior.accept')}
        </Button>
      ) : (
        <Button
          onClick={() => act(() => setSuperiorTaskReference(task, value), t('superior.referenceSaved'))}
          disabled={value === task.referenceNumber}
        >
          {t('superior.saveReference')}
        </Button>
      )}
    </span>
  );
}

/** 上级交办 — the superior tasks handed down to the user's organisation; the office acts on them. */
function SuperiorTasksContent() {
  const { t } = useI18n();
  const { user } = useSession();
  const tasks = useApi('superior-tasks', listSuperiorTasks);
  if (tasks.status === 'error') return <PageError error={tasks.error} onRetry={tasks.reload} />;
  if (tasks.status === 'loading' || !user) return <PageLoading />;
  const office = user.role === 'admin';
  return (
    <section data-testid="superior-tasks-page">
      <h1 className="page-title">{t('superior.title')}</h1>
      <p className="secondary">{t('superior.intro')}</p>
      {tasks.data.length === 0 ? (
        <Empty description={t('superior.none')} />
      ) : (
        <ul className="plain-list task-cards">
          {tasks.data.map((task) => (
            <li key={task.id} className="inbox-item" data-testid="superior-task">
              <SuperiorSource task={task} />
              {office && !task.withdrawn ? (
                <div className="superior-actions">
                  <ReferenceAndAccept key={`${task.id}:${task.version}`} task={task} onDone={tasks.reload} />
                </div>
              ) : null}
              {task.status === 'accepted' ? (
                <>
                  <h2 className="panel-title">{t('superior.links')}</h2>
                  <SuperiorLinks task={task} />
                  {office && !task.withdrawn ? (
                    <div className="superior-actions">
                      <LinkPicker task={task} onDone={tasks.reload} />
                      <DecomposeButton task={task} onDone={tasks.reload} />
                    </div>
                  ) : null}
                  {task.periods.length > 0 && user.role !== 'reporter' && user.role !== 'unit_head' ? (
                    <div className="task-card-meta" data-testid="superior-periods">
                      <span>{t('superior.reportUp')}：</span>
                      {task.periods.map((period) => (
                        <span key={period.periodId}>
                          <Link
                            to={`/superior/${task.id}/periods/${period.periodId}`}
                            data-testid="superior-report-up-link"
                          >
                            {t('superior.reportUpPeriod', { label: period.label })}
                          </Link>{' '}
                          <ReportUpState status={period.progressStatus} />
                        </span>
                      ))}
                    </div>
                  ) : null}
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export const SuperiorTasksPage = withAppContext(SuperiorTasksContent);
