import { Select } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useI18n } from '../i18n/i18n.js';
import { useCurrentReport, withReport } from '../session/current-report.js';

/** Picks which report the pages show; loaded only when there is more than one report. */
export function ReportSwitcher() {
  const { t } = useI18n();
  const { reports, reportId } = useCurrentReport();
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <Select
      aria-label={t('report.select')}
      value={reportId ?? undefined}
      onChange={(id: string) => navigate(withReport(location.pathname, id))}
      style={{ width: 260 }}
      options={(reports ?? []).map((r) => ({ value: String(r.id), label: r.title }))}
    />
  );
}
