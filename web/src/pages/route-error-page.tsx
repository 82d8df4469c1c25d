import { Link, useRouteError } from 'react-router';
import { useI18n } from '../i18n/i18n.js';

/** A lazy page's chunk that the browser could not load: the app was updated since this tab opened. */
function isMissingChunk(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    /dynamically imported module|Importing a module script failed|error loading dynamically imported module/i.test(
      error.message,
    )
  );
}

/**
 * What a page that failed to load or render shows, inside the app's frame: in the user's
 * language, with a way on (reload, or back to the overview) instead of the router's raw error.
 * Plain elements only: it is part of the entry chunk, which the bundle budget keeps small.
 */
export function RouteErrorPage() {
  const { t } = useI18n();
  const error = useRouteError();
  return (
    <section className="not-found" role="alert" data-testid="route-error">
      <h1 className="page-title">{t('error.pageFailed')}</h1>
      <p>{t(isMissingChunk(error) ? 'error.appUpdated' : 'error.pageCrashed')}</p>
      <p className="secondary">{error instanceof Error ? error.message : String(error)}</p>
      <p>
        <button type="button" className="reload-button" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </button>{' '}
        <Link to="/">{t('common.toHome')}</Link>
      </p>
    </section>
  );
}
