import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client.js';
import { useI18n } from '../i18n/i18n.js';
import { landingPath, safeNextPath, useSession } from '../session/session.js';

interface Credentials {
  username: string;
  password: string;
}

/** Sign-in form; returns to `?next=` (an app path) afterwards. */
export function LoginPage() {
  const { t, locale } = useI18n();
  const { login } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async ({ username, password }: Credentials) => {
    setBusy(true);
    setFailure(null);
    try {
      const user = await login(username, password);
      const next = safeNextPath(params.get('next'));
      const target = next ?? landingPath(user);
      // A one-time password is replaced first; the page asked for comes after.
      navigate(user.mustChangePassword ? `/account/password?next=${encodeURIComponent(target)}` : target, {
        replace: true,
      });
    } catch (error) {
      const reason =
        error instanceof ApiError ? (locale === 'en' ? error.message : error.messageZh) : t('common.error');
      setFailure(t('auth.failed', { reason }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <Card className="login-card">
        <Typography.Title level={1} className="page-title">
          {t('auth.title')}
        </Typography.Title>
        {failure ? (
          <Alert
            type="error"
            title={failure}
            role="alert"
            className="login-error"
            data-testid="login-error"
          />
        ) : null}
        <Form<Credentials> layout="vertical" onFinish={submit} requiredMark={false} data-testid="login-form">
          <Form.Item
            label={t('auth.username')}
            name="username"
            rules={[{ required: true, message: t('auth.usernameRequired') }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label={t('auth.password')}
            name="password"
            rules={[{ required: true, message: t('auth.passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('auth.login')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" className="login-hint">
          {t('auth.hint')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
