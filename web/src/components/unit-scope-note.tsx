import { Tag } from 'antd';
import { useI18n } from '../i18n/i18n.js';
import { useSession } from '../session/session.js';

/**
 * 本单位 — told to unit users (reporters, unit heads) on the dashboard and the ledger: the server
 * counts only the tasks their unit leads or cooperates on (report-scope.ts), so every figure and
 * list is their unit's. Nothing for the office, leaders and anonymous visitors.
 */
export function UnitScopeNote() {
  const { t } = useI18n();
  const { user } = useSession();
  if (user?.role !== 'reporter' && user?.role !== 'unit_head') return null;
  return (
    <p className="secondary unit-scope-note" data-testid="unit-scope-note">
      <Tag color="blue">{t('scope.unitTag')}</Tag>
      {t('scope.unitNote')}
    </p>
  );
}
