import { Form, Input, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { AccountForm } from '../components/account-form.js';
import { useI18n } from '../i18n/i18n.js';
import { landingPath, safeNextPath, useSession } from '../session/session.js';

interface Credentials {
  username: string;
  password: string;
}

/** Sign-in form; returns to `?next=` (an app path) afterwards. */
export function LoginPage() {
  const { t } = useI18n();
  const { login } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();

  const submit = async ({ username, password }: Credentials) => {
    const user = await login(username, password);
    const next = safeNextPath(params.get('next'));
    const target = next ?? landingPath(user);
    // A one-time password is replaced first; the page asked for comes after.
    navigate(user.mustChangePassword ? `/account/password?next=${encodeURIComponent(target)}` : target, {
      replace: true,
    });
  };

  return (
    <AccountForm<Credentials>
      title={t('auth.title')}
      onSubmit={submit}
      failedKey="auth.failed"
      submitLabel={t('auth.login')}
      testIds={{ form: 'login-form', error: 'login-error' }}
      footer={
        <Typography.Paragraph type="secondary" className="login-hint">
          {t('auth.hint')}
        </Typography.Paragraph>
      }
    >
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
    </AccountForm>
  );
}
