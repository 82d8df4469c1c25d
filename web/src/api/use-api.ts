import { useCallback, useEffect, useRef, useState } from 'react';

/** The state of one API read: loading, its data, or its error. */
export type ApiState<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'ok'; data: T; error?: undefined }
  | { status: 'error'; data?: undefined; error: unknown };

/**
 * Runs `load` when `key` changes and keeps the latest answer; an older answer that arrives
 * after a newer request started is dropped. `reload` fetches again but keeps showing the
 * current data until the new answer arrives, so forms and messages on the page stay mounted.
 */
export function useApi<T>(key: string | null, load: () => Promise<T>): ApiState<T> & { reload: () => void } {
  const [state, setState] = useState<ApiState<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  const shownKey = useRef<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names what `load` fetches; `round` forces a reload.
  useEffect(() => {
    if (key === null) return;
    let current = true;
    if (shownKey.current !== key) setState({ status: 'loading' });
    load().then(
      (data) => {
        if (!current) return;
        shownKey.current = key;
        setState({ status: 'ok', data });
      },
      (error: unknown) => {
        if (!current) return;
        shownKey.current = key;
        setState({ status: 'error', error });
      },
    );
    return () => {
      current = false;
    };
  }, [key, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { ...state, reload };
}
