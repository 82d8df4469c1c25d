import { Alert, Button, Skeleton } from 'antd';
import { ApiError } from '../api/client.js';
import { useI18n } from '../i18n/i18n.js';

/** Placeholder while a page's data loads. */
export function PageLoading() {
  const { t } = useI18n();
  return (
    <div aria-busy="true" aria-live="polite">
      <span className="visually-hidden">{t('common.loading')}</span>
      <Skeleton active paragraph={{ rows: 6 }} />
    </div>
  );
}

/** A failed API read, in the user's language, with a retry button. */
export function PageError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, locale } = useI18n();
  let message = t('common.error');
  if (error instanceof ApiError) {
    if (error.status === 0) message = t('error.network');
    else message = locale === 'en' ? error.message : error.messageZh;
  }
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      title={t('common.error')}
      description={message}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : null
      }
      data-testid="page-error"
    />
  );
}
