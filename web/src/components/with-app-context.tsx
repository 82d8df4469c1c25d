import { App } from 'antd';
import type { ComponentType } from 'react';

/**
 * The component inside antd's App context, so that `App.useApp()` gives it working `message`,
 * `modal` and `notification` (outside the context they are empty objects). Each lazily loaded
 * page that needs them takes this rather than one App at the root, which keeps them out of the
 * first-load chunk (the budget in BENCHMARKS.md).
 */
export function withAppContext<P extends object>(Inner: ComponentType<P>): ComponentType<P> {
  function WithAppContext(props: P) {
    return (
      <App component={false}>
        <Inner {...props} />
      </App>
    );
  }
  WithAppContext.displayName = `withAppContext(${Inner.displayName ?? Inner.name})`;
  return WithAppContext;
}
