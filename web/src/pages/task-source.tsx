import { useEffect, useRef, useState } from 'react';
import type { TaskSource } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';

/** Phones start with the passage folded, so the task's own facts come first. */
function startsOpen(): boolean {
  return typeof window.matchMedia !== 'function' || !window.matchMedia('(max-width: 576px)').matches;
}

/** Scrolls the passage box (not the page) so the highlighted sentence sits in its middle. */
function centerMark(box: HTMLElement | null) {
  const mark = box?.querySelector('mark');
  if (!box || !(mark instanceof HTMLElement)) return;
  // The box is position: relative, so the mark's offsetTop is measured from the box's top.
  box.scrollTop = Math.max(0, mark.offsetTop - (box.clientHeight - mark.offsetHeight) / 2);
}

/**
 * 原文定位 — the work area of the report that holds the task, as stored with the imported
 * revision, with the task's sentence marked and scrolled into view; folds away on phones.
 */
export function TaskSourcePassage({ source }: { source: TaskSource }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(startsOpen);
  const box = useRef<HTMLElement>(null);
  const [start, end] = source.highlight;

  useEffect(() => {
    if (open) centerMark(box.current);
  }, [open]);

  return (
    <details
      className="source-passage"
      open={open}
      onToggle={(event) => setOpen((event.target as HTMLDetailsElement).open)}
      data-testid="task-source-passage"
    >
      <summary>
        {t('source.summary', { heading: source.heading ?? '' })}
        <span className="secondary">
          {' '}
          {t('source.revision', { number: source.revisionNumber, file: source.fileName })}
        </span>
      </summary>
      <section
        className="source-text source-scroll"
        ref={box}
        data-testid="task-source"
        aria-label={t('task.source')}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to scroll from the keyboard.
        tabIndex={0}
      >
        {source.text.slice(0, start)}
        <mark data-testid="task-source-highlight">{source.text.slice(start, end)}</mark>
        {source.text.slice(end)}
      </section>
      <button type="button" className="link-button" onClick={() => centerMark(box.current)}>
        {t('source.jump')}
      </button>
    </details>
  );
}
