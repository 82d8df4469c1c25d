import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Select } from 'antd';
import type { CommitImportBody } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages.js';

/** One target as the office corrects it before the import is committed (POST …/commit targetEdits). */
export type TargetEdit = NonNullable<CommitImportBody['targetEdits']>[number]['targets'][number];

type Comparator = TargetEdit['comparator'];
type Change = TargetEdit['change'];

const comparatorLabels: Record<Comparator, MessageKey> = {
  '>=': 'cmp.gte',
  '<=': 'cmp.lte',
  '=': 'cmp.eq',
  '>': 'cmp.gt',
  '<': 'cmp.lt',
  '~': 'cmp.about',
  between: 'cmp.between',
};
const changeLabels: Record<Change, MessageKey> = {
  increase: 'change.increase',
  level: 'change.level',
  decrease: 'change.decrease',
  'growth-rate': 'change.growth-rate',
};
const symbols: Record<Comparator, string> = {
  '>=': '≥',
  '<=': '≤',
  '=': '',
  '>': '>',
  '<': '<',
  '~': '约',
  between: '',
};

/** "中小学学位 ≥6500个", "新建学校 3–5所" */
export function describeTarget(
  target: Pick<TargetEdit, 'subject' | 'comparator' | 'value' | 'max' | 'unit'>,
) {
  const amount =
    target.comparator === 'between' && target.max != null
      ? `${target.value}–${target.max}`
      : `${symbols[target.comparator] ?? ''}${target.value}`;
  return `${target.subject} ${amount}${target.unit}`;
}

/** The preview's comparator and change are plain strings; the edit form needs the known ones. */
export function toTargetEdit(target: {
  value: number;
  max: number | null;
  unit: string;
  comparator: string;
  change: string;
  subject: string;
  text: string;
}): TargetEdit {
  const comparator = (target.comparator in comparatorLabels ? target.comparator : '=') as Comparator;
  const change = (target.change in changeLabels ? target.change : 'level') as Change;
  return {
    value: target.value,
    max: comparator === 'between' ? target.max : null,
    unit: target.unit,
    comparator,
    change,
    subject: target.subject,
    text: target.text,
  };
}

interface TargetRow {
  subject?: string;
  comparator: Comparator;
  value?: string;
  max?: string;
  unit?: string;
  change: Change;
  text?: string;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * 编辑量化目标 — a dialog to correct a task's extracted targets (value, upper bound, unit,
 * comparison, kind, subject), add missing ones or remove wrong ones. The result replaces the
 * task's targets when the import is committed; the server validates again.
 */
export function TargetEditor({
  taskText,
  targets,
  onApply,
  onCancel,
}: {
  taskText: string;
  targets: TargetEdit[];
  onApply: (targets: TargetEdit[]) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ targets: TargetRow[] }>();
  /** A Select's options from a value → label map, in the map's order. */
  const optionsOf = <V extends string>(labels: Record<V, MessageKey>) =>
    (Object.keys(labels) as V[]).map((value) => ({ value, label: t(labels[value]) }));
  const requiredText = { required: true, whitespace: true, message: t('targetEdit.required') };
  const initial: TargetRow[] = targets.map((target) => ({
    subject: target.subject,
    comparator: target.comparator,
    value: String(target.value),
    max: target.max == null ? undefined : String(target.max),
    unit: target.unit,
    change: target.change,
    text: target.text,
  }));

  const apply = async () => {
    const values = await form.validateFields();
    onApply(
      (values.targets ?? []).map((row) => ({
        subject: (row.subject ?? '').trim(),
        comparator: row.comparator,
        value: Number(row.value),
        max: row.comparator === 'between' && row.max ? Number(row.max) : null,
        unit: (row.unit ?? '').trim(),
        change: row.change,
        ...(row.text ? { text: row.text } : {}),
      })),
    );
  };

  return (
    <Modal
      open
      title={t('targetEdit.title')}
      okText={t('targetEdit.apply')}
      cancelText={t('targetEdit.cancel')}
      onOk={() => void apply()}
      onCancel={onCancel}
      width={640}
      destroyOnHidden
    >
      <p className="secondary">{taskText}</p>
      <Form form={form} layout="vertical" initialValues={{ targets: initial }}>
        <Form.List name="targets">
          {(fields, { add, remove }) => (
            <>
              {fields.length === 0 ? <p>{t('targetEdit.none')}</p> : null}
              {fields.map((field, index) => (
                <fieldset key={field.key} className="target-edit" data-testid="target-edit">
                  <legend>{t('targetEdit.item', { n: index + 1 })}</legend>
                  <div className="target-edit-grid">
                    <Form.Item
                      name={[field.name, 'subject']}
                      label={t('targetEdit.subject')}
                      rules={[requiredText]}
                    >
                      <Input maxLength={100} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'comparator']} label={t('targetEdit.comparator')}>
                      <Select options={optionsOf(comparatorLabels)} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'value']}
                      label={t('targetEdit.value')}
                      rules={[
                        { required: true, message: t('targetEdit.required') },
                        { pattern: NUMBER, message: t('targetEdit.number') },
                        {
                          validator: async (_, value: string | undefined) => {
                            if (value && !Number.isFinite(Number(value)))
                              throw new Error(t('targetEdit.number'));
                          },
                        },
                      ]}
                    >
                      <Input inputMode="decimal" />
                    </Form.Item>
                    <Form.Item
                      noStyle
                      shouldUpdate={(before, after) =>
                        before.targets?.[field.name]?.comparator !== after.targets?.[field.name]?.comparator
                      }
                    >
                      {({ getFieldValue }) =>
                        getFieldValue(['targets', field.name, 'comparator']) === 'between' ? (
                          <Form.Item
                            name={[field.name, 'max']}
                            label={t('targetEdit.max')}
                            dependencies={[['targets', field.name, 'value']]}
                            rules={[
                              { required: true, message: t('targetEdit.maxNeeded') },
                              { pattern: NUMBER, message: t('targetEdit.number') },
                              ({ getFieldValue: read }) => ({
                                validator: async (_, max: string | undefined) => {
                                  const value = Number(read(['targets', field.name, 'value']));
                                  if (max && NUMBER.test(max) && Number(max) <= value)
                                    throw new Error(t('targetEdit.maxNeeded'));
                                },
                              }),
                            ]}
                          >
                            <Input inputMode="decimal" />
                          </Form.Item>
                        ) : null
                      }
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'unit']}
                      label={t('targetEdit.unit')}
                      rules={[requiredText]}
                    >
                      <Input maxLength={20} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'change']} label={t('targetEdit.change')}>
                      <Select options={optionsOf(changeLabels)} />
                    </Form.Item>
                  </div>
                  <Button danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                    {t('targetEdit.remove')}
                  </Button>
                </fieldset>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ comparator: '>=', change: 'increase' } satisfies TargetRow)}
              >
                {t('targetEdit.add')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
