import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { en, type MessageKey, zh } from './messages.js';

/** The languages the UI ships in; Chinese is the default. */
export type Locale = 'zh-CN' | 'en';

/** Fills a message's `{name}` placeholders. */
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

const storageKey = 'luoshi.locale';

const I18nContext = createContext<I18n | null>(null);

function initialLocale(): Locale {
  try {
    return window.localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh-CN';
  } catch {
    // Storage can be disabled (private mode); Chinese is the default anyway.
    return 'zh-CN';
  }
}

/** Formats one message of the dictionary for a locale. */
export function translate(locale: Locale, key: MessageKey, values?: Record<string, string | number>): string {
  const template: string = locale === 'en' ? en[key] : zh[key];
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** Provides the current language and `t` to the tree; remembers the choice in localStorage. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      window.localStorage.setItem(storageKey, next);
    } catch {
      // Not remembering the choice is harmless.
    }
  }, []);

  const value = useMemo<I18n>(
    () => ({ locale, setLocale, t: (key, values) => translate(locale, key, values) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language, its setter and the `t` function. */
export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n must be used inside <I18nProvider>');
  return i18n;
}
