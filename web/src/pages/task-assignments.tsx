import { Button, Card, Form, Input, Popconfirm, Radio, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { assignTask, listUnits, removeAssignment } from '../api/client.js';
import type { Assignment, Task } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { useApiAction } from '../api/use-api-action.js';
import { DateField } from '../components/date-field.js';
import { percentText } from '../components/target-progress.js';
import { useI18n } from '../i18n/i18n.js';
import { MilestoneEditor } from './task-milestones.js';

interface AssignForm {
  unitId: number;
  role: 'lead' | 'cooperating';
  deadline?: string;
  leadOfficial?: string;
}

/** 分工 of one task; the office can assign units and remove assignments here. */
export function TaskAssignments({
  task,
  canEdit,
  onChanged,
}: {
  task: Task;
  canEdit: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const act = useApiAction(onChanged);
  const remove = (assignment: Assignment) =>
    act(() => removeAssignment(assignment.id, assignment.version), t('assign.removed'));

  return (
    <Card size="small" className="task-section" title={t('task.assignments')} data-testid="task-assignments">
      <Table<Assignment>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={task.assignments}
        scroll={{ x: 520 }}
        locale={{ emptyText: t('task.noAssignments') }}
        columns={[
          { title: t('dashboard.unit'), dataIndex: 'unitName', key: 'unit' },
          {
            title: t('assign.role'),
            key: 'role',
            width: 90,
            render: (_, a) =>
              a.role === 'lead' ? (
                <Tag color="red">{t('task.lead')}</Tag>
              ) : (
                <Tag>{t('task.cooperating')}</Tag>
              ),
          },
          {
            title: t('task.official'),
            key: 'official',
            render: (_, a) => a.leadOfficial ?? t('common.none'),
          },
          { title: t('task.deadline'), key: 'deadline', render: (_, a) => a.deadline ?? t('common.none') },
          {
            title: t('assign.milestones'),
            key: 'milestones',
            render: (_, a) => (
              <div className="milestone-cell" data-testid="assignment-milestones">
                <span>
                  {a.milestones.length === 0
                    ? t('common.none')
                    : a.milestones
                        .map((m) =>
                          [m.due, m.title, m.ratio == null ? null : percentText(m.ratio)]
                            .filter(Boolean)
                            .join(' '),
                        )
                        .join('；')}
                </span>
                {canEdit ? (
                  <MilestoneEditor assignment={a} unitName={a.unitName} onSaved={onChanged} />
                ) : null}
              </div>
            ),
          },
          ...(canEdit
            ? [
                {
                  title: t('assign.actions'),
                  key: 'actions',
                  width: 80,
                  render: (_: unknown, a: Assignment) => (
                    <Popconfirm title={t('assign.removeConfirm')} onConfirm={() => remove(a)}>
                      <Button size="small" danger>
                        {t('assign.remove')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canEdit ? <AssignTaskForm taskId={task.id} onAssigned={onChanged} /> : null}
    </Card>
  );
}

function AssignTaskForm({ taskId, onAssigned }: { taskId: number; onAssigned: () => void }) {
  const { t } = useI18n();
  const units = useApi('units', listUnits);
  const act = useApiAction(onAssigned);
  const [form] = Form.useForm<AssignForm>();
  const [busy, setBusy] = useState(false);

  const submit = async (values: AssignForm) => {
    setBusy(true);
    await act(async () => {
      await assignTask(taskId, {
        unitId: values.unitId,
        role: values.role,
        deadline: values.deadline || null,
        leadOfficial: values.leadOfficial?.trim() || null,
      });
      form.resetFields();
    }, t('assign.done'));
    setBusy(false);
  };

  return (
    <Form<AssignForm>
      form={form}
      layout="inline"
      className="assign-form"
      initialValues={{ role: 'lead' }}
      onFinish={submit}
      data-testid="assign-form"
    >
      <Form.Item
        name="unitId"
        label={t('dashboard.unit')}
        rules={[{ required: true, message: t('assign.unitRequired') }]}
      >
        <Select
          showSearch
          optionFilterProp="label"
          style={{ minWidth: 180 }}
          loading={units.status === 'loading'}
          options={(units.data ?? []).filter((u) => !u.archived).map((u) => ({ value: u.id, label: u.name }))}
          notFoundContent={t('assign.noUnits')}
        />
      </Form.Item>
      <Form.Item name="role" label={t('assign.role')}>
        <Radio.Group
          options={[
            { value: 'lead', label: t('task.lead') },
            { value: 'cooperating', label: t('task.cooperating') },
          ]}
        />
      </Form.Item>
      <Form.Item name="deadline" label={t('task.deadline')}>
        <DateField />
      </Form.Item>
      <Form.Item name="leadOfficial" label={t('task.official')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('assign.submit')}
        </Button>
      </Form.Item>
    </Form>
  );
}
