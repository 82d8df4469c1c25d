import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import type { Role } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { useSession } from '../session/session.js';
import { PageLoading } from './page-state.js';

/**
 * Shows a page only to the roles it is for; anyone else (a leader on the office's screens, say)
 * sees a 无权访问 notice instead of forms the API would refuse anyway. Plain markup: this ships in
 * the first-load chunk. A visitor who is not signed in goes to the sign-in page, which brings
 * them back here afterwards.
 */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { t } = useI18n();
  const { user } = useSession();
  const location = useLocation();
  if (user === undefined) return <PageLoading />;
  if (user === null) {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (roles.includes(user.role)) return children;
  return (
    <section className="not-found" data-testid="forbidden">
      <h1 className="page-title">403 · {t('access.forbidden')}</h1>
      <p>{t('access.forbiddenHint')}</p>
      <Link to="/">{t('common.toHome')}</Link>
    </section>
  );
}
