import { App, Button, Card, Col, Form, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  createUnit,
  createUser,
  listUnits,
  listUsers,
  resetPassword,
  setUserDisabled,
} from '../api/client.js';
import type { AccountUser, CreateUserBody, Role } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { useApiAction } from '../api/use-api-action.js';
import { IssuedPassword } from '../components/issued-password.js';
import { PageError, PageLoading } from '../components/page-state.js';
import { withAppContext } from '../components/with-app-context.js';
import { useI18n } from '../i18n/i18n.js';

const roles: Role[] = ['admin', 'reporter', 'unit_head', 'leader'];

/** 用户与单位 — the office manages units (承办单位) and accounts here. */
export const AdminPage = withAppContext(AdminPageContent);

function AdminPageContent() {
  const { t } = useI18n();
  const units = useApi('units', listUnits);
  const users = useApi('users', listUsers);
  if (units.status === 'error') return <PageError error={units.error} onRetry={units.reload} />;
  if (users.status === 'error') return <PageError error={users.error} onRetry={users.reload} />;
  if (units.status === 'loading' || users.status === 'loading') return <PageLoading />;
  const unitName = new Map(units.data.map((u) => [u.id, u.name]));

  return (
    <section className="admin-page" data-testid="admin-page">
      <Typography.Title level={1} className="page-title">
        {t('nav.admin')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card size="small" title={t('admin.units')}>
            <NewUnitForm onCreated={units.reload} />
            <Table
              size="small"
              rowKey="id"
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              dataSource={units.data}
              locale={{ emptyText: t('common.empty') }}
              columns={[
                { title: t('admin.unitName'), dataIndex: 'name', key: 'name' },
                {
                  title: t('admin.shortName'),
                  key: 'short',
                  render: (_, u) => u.shortName ?? t('common.none'),
                },
              ]}
              data-testid="unit-table"
            />
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card size="small" title={t('admin.users')}>
            <NewUserForm
              units={units.data.map((u) => ({ value: u.id, label: u.name }))}
              onCreated={users.reload}
            />
            <UserTable users={users.data} unitName={unitName} onChanged={users.reload} />
          </Card>
        </Col>
      </Row>
    </section>
  );
}

function NewUnitForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useI18n();
  const run = useApiAction(onCreated);
  const [form] = Form.useForm<{ name: string; shortName?: string }>();
  return (
    <Form
      form={form}
      layout="inline"
      className="admin-form"
      data-testid="unit-form"
      onFinish={(values) =>
        run(async () => {
          await createUnit({ name: values.name, shortName: values.shortName?.trim() || null });
          form.resetFields();
        }, t('admin.unitCreated'))
      }
    >
      <Form.Item
        name="name"
        label={t('admin.unitName')}
        rules={[{ required: true, message: t('admin.required') }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="shortName" label={t('admin.shortName')}>
        <Input maxLength={50} />
      </Form.Item>
      <Button htmlType="submit">{t('admin.addUnit')}</Button>
    </Form>
  );
}

function NewUserForm({
  units,
  onCreated,
}: {
  units: { value: number; label: string }[];
  onCreated: () => void;
}) {
  const { t } = useI18n();
  const run = useApiAction(onCreated);
  const [form] = Form.useForm<CreateUserBody>();
  const [issued, setIssued] = useState<{ username: string; password: string } | null>(null);
  const role = Form.useWatch('role', form);
  const needsUnit = role === 'reporter' || role === 'unit_head';
  return (
    <>
      {issued ? (
        <IssuedPassword
          title={t('admin.passwordIssued', { username: issued.username })}
          password={issued.password}
          onClose={() => setIssued(null)}
        />
      ) : null}
      <Form<CreateUserBody>
        form={form}
        layout="inline"
        className="admin-form"
        initialValues={{ role: 'reporter' }}
        data-testid="user-form"
        onFinish={(values) =>
          run(async () => {
            const created = await createUser({
              ...values,
              displayName: values.displayName?.trim() || undefined,
              unitId: needsUnit ? values.unitId : null,
            });
            setIssued({ username: created.user.username, password: created.password });
            form.resetFields();
          })
        }
      >
        <Form.Item
          name="username"
          label={t('auth.username')}
          rules={[{ required: true, message: t('admin.required') }]}
        >
          <Input maxLength={64} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('admin.displayName')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="role" label={t('admin.role')}>
          <Select
            style={{ minWidth: 120 }}
            options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          />
        </Form.Item>
        {needsUnit ? (
          <Form.Item
            name="unitId"
            label={t('dashboard.unit')}
            rules={[{ required: true, message: t('assign.unitRequired') }]}
          >
            <Select style={{ minWidth: 160 }} showSearch optionFilterProp="label" options={units} />
          </Form.Item>
        ) : null}
        <Button type="primary" htmlType="submit">
          {t('admin.addUser')}
        </Button>
      </Form>
    </>
  );
}

function UserTable({
  users,
  unitName,
  onChanged,
}: {
  users: AccountUser[];
  unitName: Map<number, string>;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const act = useApiAction(onChanged);
  return (
    <Table<AccountUser>
      size="small"
      rowKey="id"
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      dataSource={users}
      scroll={{ x: 640 }}
      data-testid="user-table"
      columns={[
        { title: t('auth.username'), dataIndex: 'username', key: 'username' },
        { title: t('admin.displayName'), dataIndex: 'displayName', key: 'displayName' },
        { title: t('admin.role'), key: 'role', render: (_, u) => t(`role.${u.role}`) },
        {
          title: t('dashboard.unit'),
          key: 'unit',
          render: (_, u) => (u.unitId === null ? t('common.none') : (unitName.get(u.unitId) ?? u.unitId)),
        },
        {
          title: t('admin.state'),
          key: 'state',
          render: (_, u) =>
            u.disabled ? <Tag>{t('admin.disabled')}</Tag> : <Tag color="green">{t('admin.active')}</Tag>,
        },
        {
          title: t('assign.actions'),
          key: 'actions',
          render: (_, u) => (
            <Space size={4} wrap>
              <Button
                size="small"
                onClick={() =>
                  act(async () => {
                    const { password } = await resetPassword(u.id);
                    modal.info({
                      title: t('admin.passwordIssued', { username: u.username }),
                      content: (
                        <Typography.Text code copyable>
                          {password}
                        </Typography.Text>
                      ),
                    });
                  })
                }
              >
                {t('admin.resetPassword')}
              </Button>
              <Button
                size="small"
                danger={!u.disabled}
                onClick={() => act(() => setUserDisabled(u.id, !u.disabled))}
              >
                {u.disabled ? t('admin.enable') : t('admin.disable')}
              </Button>
            </Space>
          ),
        },
      ]}
    />
  );
}
