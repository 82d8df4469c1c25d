import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Role } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { useSession } from '../session/session.js';
import { PageLoading } from './page-state.js';

/**
 * Shows a page only to the roles it is for; anyone else (a leader on the office's screens, say)
 * sees a 无权访问 notice instead of forms the API would refuse anyway. Plain markup: this ships in
 * the first-load chunk.
 */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { t } = useI18n();
  const { user } = useSession();
  if (user === undefined) return <PageLoading />;
  if (user !== null && roles.includes(user.role)) return children;
  return (
    <section className="not-found" data-testid="forbidden">
      <h1 className="page-title">403 · {user === null ? t('access.signIn') : t('access.forbidden')}</h1>
      {user === null ? null : <p>{t('access.forbiddenHint')}</p>}
      <Link to={user === null ? '/login' : '/'}>{user === null ? t('auth.login') : t('common.toHome')}</Link>
    </section>
  );
}
