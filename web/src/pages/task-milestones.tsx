import { App, Button, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { ApiError, updateAssignmentMilestones } from '../api/client.js';
import type { Assignment, Milestone } from '../api/types.js';
import { useApiErrorText } from '../api/use-api-error-text.js';
import { DateField } from '../components/date-field.js';
import { useI18n } from '../i18n/i18n.js';

interface MilestoneRow {
  due: string;
  title?: string;
  /** Percent 0–100 in the form; the API keeps a ratio 0–1. */
  percent?: number | null;
}

function toRows(milestones: readonly Milestone[]): MilestoneRow[] {
  return milestones.map((m) => ({
    due: m.due,
    title: m.title ?? '',
    percent: m.ratio === undefined ? null : Math.round(m.ratio * 1000) / 10,
  }));
}

/** Form rows back to milestones, keeping each one's `done` mark where its date is unchanged. */
function toMilestones(rows: readonly MilestoneRow[], before: readonly Milestone[]): Milestone[] {
  return rows.map((row) => {
    const done = before.find((m) => m.due === row.due)?.done;
    const title = row.title?.trim();
    return {
      due: row.due,
      ...(title ? { title } : {}),
      ...(row.percent === null || row.percent === undefined ? {} : { ratio: row.percent / 100 }),
      ...(done === undefined ? {} : { done }),
    };
  });
}

/**
 * 形象进度 — the office sets an assignment's milestones (date, what is due, expected share).
 * Saved with the version read; when someone else saved first, the page reloads and says so.
 */
export function MilestoneEditor({
  assignment,
  unitName,
  onSaved,
}: {
  assignment: Assignment;
  unitName: string;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const apiMessage = useApiErrorText();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ milestones: MilestoneRow[] }>();

  const save = async ({ milestones }: { milestones?: MilestoneRow[] }) => {
    setBusy(true);
    try {
      await updateAssignmentMilestones(
        assignment.id,
        assignment.version,
        toMilestones(milestones ?? [], assignment.milestones),
      );
      message.success(t('milestones.saved'));
      setOpen(false);
      onSaved();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setOpen(false);
        onSaved();
        modal.warning({ title: t('milestones.conflict'), content: apiMessage(error) });
      } else message.error(apiMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        size="small"
        onClick={() => {
          form.setFieldsValue({ milestones: toRows(assignment.milestones) });
          setOpen(true);
        }}
        data-testid="milestones-edit"
      >
        {t('milestones.edit')}
      </Button>
      <Modal
        open={open}
        title={t('milestones.title', { unit: unitName })}
        onCancel={() => setOpen(false)}
        okText={t('milestones.save')}
        cancelText={t('milestones.cancel')}
        onOk={() => form.submit()}
        confirmLoading={busy}
        forceRender
      >
        <p className="secondary">{t('milestones.hint')}</p>
        <Form form={form} layout="vertical" onFinish={save} data-testid="milestones-form">
          <Form.List name="milestones">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <fieldset key={field.key} className="milestone-row" data-testid="milestone-row">
                    <legend className="secondary">#{index + 1}</legend>
                    <Form.Item
                      name={[field.name, 'due']}
                      label={t('milestones.due')}
                      rules={[{ required: true, message: t('milestones.dueRequired') }]}
                    >
                      <DateField />
                    </Form.Item>
                    <Form.Item name={[field.name, 'title']} label={t('milestones.description')}>
                      <Input maxLength={500} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'percent']} label={t('milestones.ratio')}>
                      <InputNumber min={0} max={100} step={5} style={{ width: '100%' }} />
                    </Form.Item>
                    <Button danger size="small" onClick={() => remove(field.name)}>
                      {t('milestones.remove')}
                    </Button>
                  </fieldset>
                ))}
                <Button type="dashed" block onClick={() => add({ due: '', title: '', percent: null })}>
                  {t('milestones.add')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </>
  );
}
