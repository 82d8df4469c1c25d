import type { Light, StatusClass } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';

/** 进度状态 as a colored tag (plain CSS: antd's Tag would add its own chunk to every page). */
export function StatusTag({ status }: { status: StatusClass | null | undefined }) {
  const { t } = useI18n();
  return (
    <span className={`status-tag status-${status ?? 'unknown'}`}>
      {status ? t(`status.${status}`) : t('status.unknown')}
    </span>
  );
}

/** 达标 / 接近目标 / 未达目标 — how a 主要预期目标's reported figure stands against its target. */
export function VerdictTag({ verdict }: { verdict: 'reached' | 'near' | 'behind' | undefined }) {
  const { t } = useI18n();
  if (!verdict) return null;
  return (
    <span className={`verdict-tag verdict-${verdict}`} data-testid="verdict-tag">
      {t(`verdict.${verdict}`)}
    </span>
  );
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
