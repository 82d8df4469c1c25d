import { Alert, Form, Input } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { AccountForm } from '../components/account-form.js';
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
  const { t } = useI18n();
  const { user, changePassword } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [done, setDone] = useState(false);

  if (user === undefined) return <PageLoading />;
  if (user === null) return <Navigate to="/login?next=%2Faccount%2Fpassword" replace />;

  const submit = async ({ currentPassword, newPassword }: PasswordChange) => {
    const forced = user.mustChangePassword === true;
    await changePassword(currentPassword, newPassword);
    if (forced) navigate(safeNextPath(params.get('next')) ?? landingPath(user), { replace: true });
    else setDone(true);
  };

  return (
    <AccountForm<PasswordChange>
      title={t('account.passwordTitle')}
      onSubmit={submit}
      failedKey="account.failed"
      submitLabel={t('account.save')}
      testIds={{ card: 'password-page', form: 'password-form', error: 'password-error' }}
      notices={
        <>
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
        </>
      }
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
    </AccountForm>
  );
}
