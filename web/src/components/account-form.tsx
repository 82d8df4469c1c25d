import { Alert, Button, Card, Form, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { ApiError } from '../api/client.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages.js';

interface AccountFormProps<Values> {
  title: string;
  /** Alerts shown above the failure (a notice, a success). */
  notices?: ReactNode;
  /** Runs on a valid submit; a throw is shown as `failedKey` with its reason, in the user's language. */
  onSubmit: (values: Values) => Promise<void>;
  failedKey: MessageKey;
  submitLabel: string;
  /** Test ids: the card (optional), the form and the failure alert. */
  testIds: { card?: string; form: string; error: string };
  /** The form's fields. */
  children: ReactNode;
  /** Below the form (a hint). */
  footer?: ReactNode;
}

/**
 * The card of the sign-in and password pages: title, notices, the failure of the last submit,
 * a vertical form with one full-width submit button that spins while the submit runs.
 */
export function AccountForm<Values>(props: AccountFormProps<Values>) {
  const { t, locale } = useI18n();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: Values) => {
    setBusy(true);
    setFailure(null);
    try {
      await props.onSubmit(values);
    } catch (error) {
      const reason =
        error instanceof ApiError ? (locale === 'en' ? error.message : error.messageZh) : t('common.error');
      setFailure(t(props.failedKey, { reason }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <Card className="login-card" data-testid={props.testIds.card}>
        <Typography.Title level={1} className="page-title">
          {props.title}
        </Typography.Title>
        {props.notices}
        {failure ? (
          <Alert
            type="error"
            title={failure}
            role="alert"
            className="login-error"
            data-testid={props.testIds.error}
          />
        ) : null}
        <Form<Values>
          layout="vertical"
          onFinish={submit}
          requiredMark={false}
          data-testid={props.testIds.form}
        >
          {props.children}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {props.submitLabel}
          </Button>
        </Form>
        {props.footer}
      </Card>
    </div>
  );
}
