import { useI18n } from '../i18n/i18n.js';
import { ApiError } from './client.js';

/** Turns an API failure into the message to show, in the user's language. */
export function useApiErrorText(): (error: unknown) => string {
  const { t, locale } = useI18n();
  return (error) => {
    if (error instanceof ApiError) {
      if (error.status === 0) return t('error.network');
      return locale === 'en' ? error.message : error.messageZh;
    }
    return t('common.error');
  };
}
