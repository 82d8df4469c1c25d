import { Button, Checkbox, Empty, Form, Input, Space, Table } from 'antd';
import { createPeriod, listPeriods, setPeriodOpen } from '../api/client.js';
import type { CreatePeriodBody, Period } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { useApiAction } from '../api/use-api-action.js';
import { DateField } from '../components/date-field.js';
import { PageError, PageLoading } from '../components/page-state.js';
import { Panel } from '../components/panel.js';
import { periodState } from '../components/period-picker.js';
import { withAppContext } from '../components/with-app-context.js';
import { useI18n } from '../i18n/i18n.js';
import { useCurrentReport } from '../session/current-report.js';

/** 报送周期 — the office creates monthly or quarterly periods and opens or closes them. */
export const PeriodsPage = withAppContext(PeriodsContent);

function PeriodsContent() {
  const { t } = useI18n();
  const { reportId } = useCurrentReport();
  const periods = useApi(reportId === null ? null : `periods:${reportId}`, () => listPeriods(reportId ?? 0));
  const run = useApiAction(periods.reload);
  const [form] = Form.useForm<CreatePeriodBody>();

  if (reportId === null) return <Empty description={t('common.noReport')} />;
  if (periods.status === 'error') return <PageError error={periods.error} onRetry={periods.reload} />;
  if (periods.status === 'loading') return <PageLoading />;

  return (
    <section data-testid="periods-page">
      <h1 className="page-title">{t('nav.periods')}</h1>
      <Panel title={t('period.create')}>
        <Form<CreatePeriodBody>
          form={form}
          layout="inline"
          className="admin-form"
          initialValues={{ open: true }}
          data-testid="period-form"
          onFinish={(values) =>
            run(async () => {
              await createPeriod(reportId, { ...values, dueOn: values.dueOn || null });
              form.resetFields();
            }, t('period.created'))
          }
        >
          <Form.Item
            name="label"
            label={t('period.label')}
            rules={[
              { required: true, message: t('admin.required') },
              { pattern: /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, message: t('period.labelHint') },
            ]}
          >
            <Input placeholder="2026-06 / 2026-Q2" />
          </Form.Item>
          <Form.Item name="dueOn" label={t('period.dueOn')}>
            <DateField />
          </Form.Item>
          <Form.Item name="open" valuePropName="checked">
            <Checkbox>{t('period.openNow')}</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('period.create')}
          </Button>
        </Form>
      </Panel>
      <Table<Period>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={periods.data}
        scroll={{ x: 560 }}
        data-testid="period-table"
        locale={{ emptyText: t('period.none') }}
        columns={[
          { title: t('period.label'), dataIndex: 'label', key: 'label' },
          { title: t('period.range'), key: 'range', render: (_, p) => `${p.startsOn} ~ ${p.endsOn}` },
          { title: t('period.dueOn'), key: 'due', render: (_, p) => p.dueOn ?? t('common.none') },
          { title: t('period.state'), key: 'state', render: (_, p) => t(`period.${periodState(p)}`) },
          {
            title: t('assign.actions'),
            key: 'actions',
            render: (_, p) => (
              <Space size={4}>
                {periodState(p) !== 'openState' ? (
                  <Button size="small" onClick={() => run(() => setPeriodOpen(p, true), t('period.opened'))}>
                    {t('period.open')}
                  </Button>
                ) : (
                  <Button
                    size="small"
                    onClick={() => run(() => setPeriodOpen(p, false), t('period.closedDone'))}
                  >
                    {t('period.close')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    </section>
  );
}
