import {
  Button,
  Card,
  Col,
  Form,
  Input,
  Row,
  Select,
  Space,
  Tag,
  Tree,
  type TreeDataNode,
  Typography,
} from 'antd';
import { useState } from 'react';
import { createOrganisation, listOrganisations } from '../api/client.js';
import type { CreateOrganisationBody, Organisation } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { useApiAction } from '../api/use-api-action.js';
import { IssuedPassword } from '../components/issued-password.js';
import { PageError, PageLoading } from '../components/page-state.js';
import { withAppContext } from '../components/with-app-context.js';
import { type Translate, useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages.js';

type Level = NonNullable<CreateOrganisationBody['level']>;
const levels: Level[] = ['province', 'city', 'district', 'town', 'other'];

/** 组织机构 — the office sees its government and those below it, and creates a sub-organisation. */
export const OrganisationsPage = withAppContext(OrganisationsPageContent);

function OrganisationsPageContent() {
  const { t } = useI18n();
  const organisations = useApi('organisations', listOrganisations);
  if (organisations.status === 'error') {
    return <PageError error={organisations.error} onRetry={organisations.reload} />;
  }
  if (organisations.status === 'loading') return <PageLoading />;
  return (
    <section className="organisations-page" data-testid="organisations-page">
      <Typography.Title level={1} className="page-title">
        {t('org.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('org.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('org.tree')}>
            <Tree
              // A new organisation re-mounts the tree, so that it opens expanded like the rest.
              key={organisations.data.map((o) => o.id).join(',')}
              showLine
              defaultExpandAll
              selectable={false}
              treeData={organisationTree(organisations.data, t)}
              data-testid="organisation-tree"
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('org.create')}>
            <NewOrganisationForm onCreated={organisations.reload} />
          </Card>
        </Col>
      </Row>
    </section>
  );
}

/** The listed organisations (each before its subtree) as nested tree nodes. */
function organisationTree(organisations: Organisation[], t: Translate): TreeDataNode[] {
  const nodes = new Map<number, TreeDataNode & { children: TreeDataNode[] }>();
  const roots: TreeDataNode[] = [];
  for (const organisation of organisations) {
    const node = {
      key: organisation.id,
      title: <OrganisationTitle organisation={organisation} t={t} />,
      children: [],
    };
    nodes.set(organisation.id, node);
    const parent = organisation.parentId === null ? undefined : nodes.get(organisation.parentId);
    (parent?.children ?? roots).push(node);
  }
  return roots;
}

function OrganisationTitle({ organisation, t }: { organisation: Organisation; t: Translate }) {
  return (
    <Space size={4} wrap data-testid="organisation-node">
      <span data-testid="organisation-name">{organisation.name}</span>
      {organisation.level ? <Tag>{t(`org.level.${organisation.level}` as MessageKey)}</Tag> : null}
      {organisation.depth === 0 ? <Tag color="blue">{t('org.own')}</Tag> : null}
    </Space>
  );
}

interface NewOrganisationValues {
  name: string;
  level: Level;
  username: string;
  displayName?: string;
}

function NewOrganisationForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useI18n();
  const run = useApiAction(onCreated);
  const [form] = Form.useForm<NewOrganisationValues>();
  const [issued, setIssued] = useState<{ name: string; username: string; password: string } | null>(null);
  return (
    <>
      <Typography.Paragraph type="secondary">{t('org.createHint')}</Typography.Paragraph>
      {issued ? (
        <IssuedPassword
          title={t('org.created', { name: issued.name, username: issued.username })}
          password={issued.password}
          onClose={() => setIssued(null)}
        />
      ) : null}
      <Form<NewOrganisationValues>
        form={form}
        layout="vertical"
        initialValues={{ level: 'district' }}
        data-testid="organisation-form"
        onFinish={(values) =>
          run(async () => {
            const created = await createOrganisation({
              name: values.name,
              level: values.level,
              admin: {
                username: values.username,
                ...(values.displayName?.trim() ? { displayName: values.displayName.trim() } : {}),
              },
            });
            setIssued({
              name: created.organisation.name,
              username: created.user.username,
              password: created.password,
            });
            form.resetFields();
          })
        }
      >
        <Row gutter={12}>
          <Col xs={24} sm={16}>
            <Form.Item
              name="name"
              label={t('org.name')}
              rules={[{ required: true, whitespace: true, message: t('admin.required') }]}
            >
              <Input maxLength={100} placeholder={t('org.namePlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="level" label={t('org.level')}>
              <Select options={levels.map((level) => ({ value: level, label: t(`org.level.${level}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="username"
              label={t('org.adminUsername')}
              rules={[{ required: true, whitespace: true, message: t('admin.required') }]}
            >
              <Input maxLength={64} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="displayName" label={t('org.adminDisplayName')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit">
          {t('org.submit')}
        </Button>
      </Form>
    </>
  );
}
