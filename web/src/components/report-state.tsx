import type { ProgressReport } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';

/** The tag colour of each state of a progress report (or a report up): none and drafts plain. */
export const REPORT_STATE_CLASS = {
  none: 'status-tag',
  draft: 'status-tag',
  submitted: 'status-tag status-on_track',
  returned: 'status-tag status-behind',
  approved: 'status-tag status-completed',
} as const;

/** Where a unit's progress report stands: 未填报 / 草稿 / 已报送 / 已退回 / 审核通过 (docs/glossary.md). */
export function ReportStateTag({ report }: { report: ProgressReport | undefined }) {
  const { t } = useI18n();
  const state = report?.status ?? 'none';
  const className = REPORT_STATE_CLASS[state];
  return (
    <span className={className} data-testid="report-state">
      {t(`progress.${state}`)}
    </span>
  );
}
