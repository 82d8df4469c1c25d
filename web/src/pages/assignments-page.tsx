import { Alert, Button, Checkbox, Col, Empty, Form, Input, Row, Select, Space } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { ApiError, bulkAssign, getReport, listUnits } from '../api/client.js';
import type { BulkAssignBody } from '../api/office-types.js';
import type { Area, ReportDetail, Task, Unit } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { useApiErrorText } from '../api/use-api-error-text.js';
import { DateField } from '../components/date-field.js';
import { PageError, PageLoading } from '../components/page-state.js';
import { Panel } from '../components/panel.js';
import { withAppContext } from '../components/with-app-context.js';
import { useI18n } from '../i18n/i18n.js';
import { areaTasks, displayLabel } from '../report/tree-stats.js';
import { useCurrentReport } from '../session/current-report.js';
import { DivisionImportPanel } from './division-import-panel.js';
import { DivisionReviewPanel } from './division-review-panel.js';
import './office-pages.css';

/** 分工管理 — the office assigns many tasks at once, or imports a 分工方案 spreadsheet. */
export const AssignmentsPage = withAppContext(AssignmentsContent);

function AssignmentsContent() {
  const { t } = useI18n();
  const current = useCurrentReport();
  const report = useApi(current.reportId, () => getReport(current.reportId ?? ''));
  const units = useApi('units', listUnits);
  if (current.error) return <PageError error={current.error} onRetry={current.reload} />;
  if (current.loading) return <PageLoading />;
  if (current.reportId === null) return <Empty description={t('common.noReport')} />;
  if (report.status === 'error') return <PageError error={report.error} onRetry={report.reload} />;
  if (units.status === 'error') return <PageError error={units.error} onRetry={units.reload} />;
  if (report.status === 'loading' || units.status === 'loading') return <PageLoading />;
  return (
    <section data-testid="assignments-page">
      <h1 className="page-title">{t('nav.assign')}</h1>
      <p className="secondary">{report.data.title}</p>
      <BulkAssignPanel report={report.data} units={units.data} onAssigned={report.reload} />
      <DivisionReviewPanel
        reportId={report.data.id}
        units={units.data}
        onCommitted={() => {
          report.reload();
          units.reload();
        }}
      />
      <DivisionImportPanel
        reportId={report.data.id}
        onImported={() => {
          report.reload();
          units.reload();
        }}
      />
    </section>
  );
}

interface BulkForm {
  leadUnitId?: number;
  cooperatingUnitIds?: number[];
  leadOfficial?: string;
  deadline?: string;
}

type Outcome = { type: 'success' | 'error'; text: string } | null;

/** Who a task is assigned to, in one line: "牵头：区教委；配合：区财政局". */
function assignmentLine(task: Task, t: ReturnType<typeof useI18n>['t']): string {
  const active = task.assignments;
  if (active.length === 0) return t('assignBulk.unassigned');
  const lead = active.filter((a) => a.role === 'lead').map((a) => a.unitName);
  const cooperating = active.filter((a) => a.role === 'cooperating').map((a) => a.unitName);
  return [
    lead.length > 0 ? `${t('assignBulk.lead')}：${lead.join('、')}` : '',
    cooperating.length > 0 ? `${t('assignBulk.cooperating')}：${cooperating.join('、')}` : '',
  ]
    .filter(Boolean)
    .join('；');
}

function BulkAssignPanel({
  report,
  units,
  onAssigned,
}: {
  report: ReportDetail;
  units: Unit[];
  onAssigned: () => void;
}) {
  const { t } = useI18n();
  const apiMessage = useApiErrorText();
  const [form] = Form.useForm<BulkForm>();
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [onlyUnassigned, setOnlyUnassigned] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const tasksById = useMemo(
    () => new Map(report.areas.flatMap(areaTasks).map((task) => [task.id, task])),
    [report],
  );
  const visible = (tasks: Task[]) =>
    onlyUnassigned ? tasks.filter((task) => task.assignments.length === 0) : tasks;
  const unitOptions = units.filter((u) => !u.archived).map((u) => ({ value: u.id, label: u.name }));

  const toggle = (ids: number[], checked: boolean) =>
    setSelected((before) => {
      const next = new Set(before);
      for (const id of ids) {
        if (checked) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  const submit = async (values: BulkForm) => {
    setOutcome(null);
    if (selected.size === 0) {
      setOutcome({ type: 'error', text: t('assignBulk.noneSelected') });
      return;
    }
    const cooperating = values.cooperatingUnitIds ?? [];
    const common = {
      leadOfficial: values.leadOfficial?.trim() || null,
      deadline: values.deadline || null,
    };
    const wanted: BulkAssignBody['items'] = [...selected].flatMap((taskId) => [
      ...(values.leadUnitId ? [{ taskId, unitId: values.leadUnitId, role: 'lead' as const, ...common }] : []),
      ...cooperating.map((unitId) => ({ taskId, unitId, role: 'cooperating' as const, ...common })),
    ]);
    // A task that already has this unit in this role is as asked; sending it again would be refused.
    const items = wanted.filter(
      (item) =>
        !tasksById
          .get(item.taskId)
          ?.assignments.some((a) => a.unitId === item.unitId && a.role === item.role),
    );
    const skipped = wanted.length - items.length;
    if (items.length === 0) {
      setOutcome({ type: 'error', text: t('assignBulk.nothingNew') });
      return;
    }
    setBusy(true);
    try {
      const result = await bulkAssign(report.id, { items });
      setOutcome({
        type: 'success',
        text:
          t('assignBulk.done', { tasks: selected.size, count: result.created }) +
          (skipped > 0 ? t('assignBulk.skipped', { count: skipped }) : ''),
      });
      setSelected(new Set());
      form.resetFields();
      onAssigned();
    } catch (error) {
      // The server names the item that failed (body.items.N…); say which task that is.
      const index =
        error instanceof ApiError ? /^body\.items\.(\d+)/.exec(error.fields[0]?.path ?? '') : null;
      const item = index ? items[Number(index[1])] : undefined;
      const task = item ? (tasksById.get(item.taskId)?.text ?? String(item.taskId)) : '';
      setOutcome({
        type: 'error',
        text: task ? t('assignBulk.failed', { task, message: apiMessage(error) }) : apiMessage(error),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Panel title={t('assignBulk.title')} testId="bulk-assign">
      <Row gutter={[16, 16]} align="top">
        <Col xs={24} lg={14}>
          <Space wrap className="assign-tree-tools">
            <strong data-testid="assign-selected-count">
              {t('assignBulk.selected', { count: selected.size })}
            </strong>
            <Button size="small" onClick={() => setSelected(new Set())} disabled={selected.size === 0}>
              {t('assignBulk.clear')}
            </Button>
            <Checkbox checked={onlyUnassigned} onChange={(event) => setOnlyUnassigned(event.target.checked)}>
              {t('assignBulk.onlyUnassigned')}
            </Checkbox>
          </Space>
          <ul className="assign-tree" aria-label={t('assignBulk.treeLabel')}>
            {report.areas.map((area) => (
              <AreaChecks key={area.id} area={area} visible={visible} selected={selected} toggle={toggle} />
            ))}
          </ul>
        </Col>
        <Col xs={24} lg={10} className="assign-form-col">
          <Form<BulkForm>
            form={form}
            layout="vertical"
            onFinish={(values) => void submit(values)}
            data-testid="bulk-assign-form"
            aria-label={t('assignBulk.form')}
          >
            <Form.Item
              name="leadUnitId"
              label={t('assignBulk.lead')}
              dependencies={['cooperatingUnitIds']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_, lead: number | undefined) => {
                    const cooperating: number[] = getFieldValue('cooperatingUnitIds') ?? [];
                    if (!lead && cooperating.length === 0) throw new Error(t('assignBulk.needUnit'));
                    if (lead && cooperating.includes(lead)) throw new Error(t('assignBulk.sameUnit'));
                  },
                }),
              ]}
            >
              <Select allowClear showSearch optionFilterProp="label" options={unitOptions} />
            </Form.Item>
            <Form.Item name="cooperatingUnitIds" label={t('assignBulk.cooperating')}>
              <Select mode="multiple" allowClear showSearch optionFilterProp="label" options={unitOptions} />
            </Form.Item>
            <Form.Item name="leadOfficial" label={t('assignBulk.official')}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="deadline" label={t('assignBulk.deadline')}>
              <DateField />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('assignBulk.submit')}
            </Button>
          </Form>
          {outcome ? (
            <Alert
              className="assign-outcome"
              type={outcome.type}
              showIcon
              title={outcome.text}
              data-testid="bulk-assign-outcome"
            />
          ) : null}
        </Col>
      </Row>
    </Panel>
  );
}

/** One area with its measures and tasks, each level with a checkbox that (un)checks all below. */
function AreaChecks({
  area,
  visible,
  selected,
  toggle,
}: {
  area: Area;
  visible: (tasks: Task[]) => Task[];
  selected: ReadonlySet<number>;
  toggle: (ids: number[], checked: boolean) => void;
}) {
  const ids = visible(areaTasks(area)).map((task) => task.id);
  if (ids.length === 0) return null;
  return (
    <li>
      <GroupCheck ids={ids} selected={selected} toggle={toggle} strong>
        {displayLabel(area.label)}
        {area.title}
      </GroupCheck>
      <ul>
        {area.measures.map((measure) => {
          const tasks = visible(measure.tasks);
          if (tasks.length === 0) return null;
          return (
            <li key={measure.id}>
              <GroupCheck ids={tasks.map((task) => task.id)} selected={selected} toggle={toggle}>
                {displayLabel(measure.label)}
                {measure.title}
              </GroupCheck>
              <TaskChecks tasks={tasks} selected={selected} toggle={toggle} />
            </li>
          );
        })}
      </ul>
      <TaskChecks tasks={visible(area.tasks)} selected={selected} toggle={toggle} />
    </li>
  );
}

function GroupCheck({
  ids,
  selected,
  toggle,
  strong = false,
  children,
}: {
  ids: number[];
  selected: ReadonlySet<number>;
  toggle: (ids: number[], checked: boolean) => void;
  strong?: boolean;
  children: ReactNode;
}) {
  const count = ids.filter((id) => selected.has(id)).length;
  return (
    <Checkbox
      checked={count > 0 && count === ids.length}
      indeterminate={count > 0 && count < ids.length}
      onChange={(event) => toggle(ids, event.target.checked)}
      className={strong ? 'assign-area' : 'assign-measure'}
    >
      {children}
    </Checkbox>
  );
}

function TaskChecks({
  tasks,
  selected,
  toggle,
}: {
  tasks: Task[];
  selected: ReadonlySet<number>;
  toggle: (ids: number[], checked: boolean) => void;
}) {
  const { t } = useI18n();
  if (tasks.length === 0) return null;
  return (
    <ul>
      {tasks.map((task) => (
        <li key={task.id} data-testid="assign-task">
          <Checkbox
            checked={selected.has(task.id)}
            onChange={(event) => toggle([task.id], event.target.checked)}
          >
            {task.text}
          </Checkbox>
          <div className="secondary assign-current" data-testid="assign-current">
            {assignmentLine(task, t)}
          </div>
        </li>
      ))}
    </ul>
  );
}
