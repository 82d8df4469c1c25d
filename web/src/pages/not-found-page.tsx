import { Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n.js';

/** Any path the app does not know. */
export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <section className="not-found">
      <Typography.Title level={1} className="page-title">
        404 · {t('common.notFound')}
      </Typography.Title>
      <Link to="/">{t('common.toHome')}</Link>
    </section>
  );
}
