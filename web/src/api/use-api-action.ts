import { App } from 'antd';
import { useApiErrorText } from './use-api-error-text.js';

/**
 * Runs one API write for a screen: `work` (the call, plus whatever belongs to its success), then
 * `done` as a success message if given, then `after` (usually a reload). A failure shows the
 * API's error in the user's language instead. Resolves whether the write succeeded.
 * Needs antd's App context (withAppContext).
 */
export function useApiAction(
  after?: () => void,
): (work: () => Promise<unknown>, done?: string) => Promise<boolean> {
  const { message } = App.useApp();
  const apiMessage = useApiErrorText();
  return async (work, done) => {
    try {
      await work();
    } catch (error) {
      message.error(apiMessage(error));
      return false;
    }
    if (done) message.success(done);
    after?.();
    return true;
  };
}
