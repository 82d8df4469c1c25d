import { useI18n } from '../i18n/i18n.js';

/** Percent text of a ratio, "—" when there is nothing to show. */
export function percentText(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined ? '—' : `${Math.round(ratio * 1000) / 10}%`;
}

/**
 * A progress bar with the expected-progress (序时进度) mark drawn over it, so "behind" is
 * visible at a glance. Exposed to assistive technology as a progressbar with both values.
 */
export function ScheduleBar({
  completion,
  expected,
  label,
}: {
  completion: number | null;
  expected: number;
  label: string;
}) {
  const { t } = useI18n();
  const done = Math.max(0, Math.min(1, completion ?? 0));
  const mark = Math.max(0, Math.min(1, expected));
  const behind = completion !== null && completion < expected;
  return (
    <div
      className="schedule-bar"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={completion === null ? undefined : Math.round(done * 100)}
      aria-valuetext={`${t('task.progress')} ${percentText(completion)}，${t('task.expected')} ${percentText(expected)}`}
    >
      <div className="schedule-bar-track">
        <div
          className={behind ? 'schedule-bar-fill behind' : 'schedule-bar-fill'}
          style={{ width: `${done * 100}%` }}
        />
        <div className="schedule-bar-mark" style={{ left: `${mark * 100}%` }} title={t('task.expected')} />
      </div>
      <div className="schedule-bar-legend">
        <span>
          {t('task.progress')} {percentText(completion)}
        </span>
        <span>
          {t('task.expected')} {percentText(expected)}
        </span>
      </div>
    </div>
  );
}
