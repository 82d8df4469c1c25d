import type { ProgressReport } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';

/** Where a unit's progress report stands: 未填报 / 草稿 / 已报送 / 已退回 / 审核通过 (docs/glossary.md). */
export function ReportStateTag({ report }: { report: ProgressReport | undefined }) {
  const { t } = useI18n();
  const state = report?.status ?? 'none';
  const className = {
    none: 'status-tag',
    draft: 'status-tag',
    submitted: 'status-tag status-on_track',
    returned: 'status-tag status-behind',
    approved: 'status-tag status-completed',
  }[state];
  return (
    <span className={className} data-testid="report-state">
      {t(`progress.${state}`)}
    </span>
  );
}
