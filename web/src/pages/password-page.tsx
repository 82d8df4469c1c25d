import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client.js';
import { PageLoading } from '../components/page-state.js';
import { useI18n } from '../i18n/i18n.js';
import { landingPath, safeNextPath, useSession } from '../session/session.js';

interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * 修改密码 — change one's own password. A user holding a one-time password is sent here after
 * signing in and cannot leave until it is changed; afterwards they go on to `?next=`.
 */
export function PasswordPage() {
  const { t, locale } = useI18n();
  const { user, changePassword } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  if (user === undefined) return <PageLoading />;
  if (user === null) return <Navigate to="/login?next=%2Faccount%2Fpassword" replace />;

  const submit = async ({ currentPassword, newPassword }: PasswordChange) => {
    setBusy(true);
    setFailure(null);
    try {
      const forced = user.mustChangePassword === true;
      await changePassword(currentPassword, newPassword);
      if (forced) navigate(safeNextPath(params.get('next')) ?? landingPath(user), { replace: true });
      else setDone(true);
    } catch (error) {
      const reason =
        error instanceof ApiError ? (locale === 'en' ? error.message : error.messageZh) : t('common.error');
      setFailure(t('account.failed', { reason }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <Card className="login-card" data-testid="password-page">
        <Typography.Title level={1} className="page-title">
          {t('account.passwordTitle')}
        </Typography.Title>
        {user.mustChangePassword ? (
          <Alert
            type="warning"
            title={t('account.mustChange')}
            className="login-error"
            data-testid="must-change"
          />
        ) : null}
        {done ? (
          <Alert
            type="success"
            title={t('account.saved')}
            role="status"
            className="login-error"
            data-testid="password-saved"
          />
        ) : null}
        {failure ? (
          <Alert
            type="error"
            title={failure}
            role="alert"
            className="login-error"
            data-testid="password-error"
          />
        ) : null}
        <Form<PasswordChange>
          layout="vertical"
          onFinish={submit}
          requiredMark={false}
          data-testid="password-form"
        >
          <Form.Item
            label={t('account.current')}
            name="currentPassword"
            rules={[{ required: true, message: t('account.currentRequired') }]}
          >
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item
            label={t('account.new')}
            name="newPassword"
            extra={t('account.newHint')}
            rules={[{ required: true, message: t('account.newRequired') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label={t('account.confirm')}
            name="confirm"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('account.newRequired') },
              ({ getFieldValue }) => ({
                validator: (_rule, value: string | undefined) =>
                  !value || getFieldValue('newPassword') === value
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('account.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('account.save')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
