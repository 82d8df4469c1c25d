import type { ReactNode } from 'react';

/**
 * A titled box. antd's Card would do, but it pulls in Tabs (~30 KB gzipped) on every page that
 * shows one; this keeps the first load small (BENCHMARKS.md, web bundle).
 */
export function Panel({
  title,
  children,
  className,
  testId,
  level = 2,
}: {
  title?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
  /** Heading level of the title, so the page outline stays in order. */
  level?: 2 | 3;
}) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className={className ? `panel ${className}` : 'panel'} data-testid={testId}>
      {title ? <Heading className="panel-title">{title}</Heading> : null}
      <div className="panel-body">{children}</div>
    </section>
  );
}
