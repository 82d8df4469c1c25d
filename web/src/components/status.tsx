import { Tag } from 'antd';
import type { Light, StatusClass } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';

const statusColors: Record<StatusClass, string> = {
  not_started: 'default',
  behind: 'error',
  on_track: 'processing',
  ahead: 'cyan',
  completed: 'success',
};

/** 进度状态 as a colored tag; "未评估" when the engine has not judged the task yet. */
export function StatusTag({ status }: { status: StatusClass | null | undefined }) {
  const { t } = useI18n();
  if (!status) return <Tag>{t('status.unknown')}</Tag>;
  return <Tag color={statusColors[status]}>{t(`status.${status}`)}</Tag>;
}

/** Colors with enough contrast against white for a 12px dot next to its text label. */
const lightColors: Record<Light, string> = { green: '#389e0d', yellow: '#d48806', red: '#cf1322' };

/** 预警灯 — a colored dot that screen readers announce by name. */
export function LightDot({
  light,
  withText = false,
}: {
  light: Light | null | undefined;
  withText?: boolean;
}) {
  const { t } = useI18n();
  if (!light) return <span title={t('light.none')}>{t('common.none')}</span>;
  const label = t(`light.${light}`);
  return (
    <span className="light" role="img" aria-label={label} title={label}>
      <span className="light-dot" style={{ background: lightColors[light] }} />
      {withText ? <span className="light-text">{label}</span> : null}
    </span>
  );
}
