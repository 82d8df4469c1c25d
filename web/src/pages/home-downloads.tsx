import { listPeriods } from '../api/client.js';
import type { Period } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages.js';
import { useSession } from '../session/session.js';

interface DownloadLink {
  key: string;
  label: MessageKey;
  href: string;
  testId?: string;
}

const BULLETIN_PERIOD = /^\d{4}-(Q[1-4]|0[1-9]|1[0-2])$/;

/**
 * The bulletin endpoint takes a quarter (2026-Q2) or a month (2026-05); period labels are free
 * text, so fall back to the period's end date when the label is not in that form.
 */
export function bulletinPeriod(period: Period): string {
  if (BULLETIN_PERIOD.test(period.label)) return period.label;
  const [year, month] = period.endsOn.split('-');
  if (period.kind === 'quarter') return `${year}-Q${Math.ceil(Number(month) / 3)}`;
  return `${year}-${month}`;
}

/**
 * 下载与发布: the 一图读懂 image for everyone who may see it (the public copy for visitors when the
 * report is published) and, for the office and leaders, the 分工方案, 台账 and latest 督查通报.
 */
export function HomeDownloads({ reportId, published }: { reportId: string; published: boolean }) {
  const { t } = useI18n();
  const { user } = useSession();
  const office = user?.role === 'admin' || user?.role === 'leader';
  const periods = useApi(office ? `periods:${reportId}` : null, () => listPeriods(reportId));
  if (user === undefined) return null;
  const id = encodeURIComponent(reportId);
  const imageBase = user === null ? (published ? `/public/reports/${id}` : null) : `/api/reports/${id}`;

  const links: DownloadLink[] = [];
  if (imageBase) {
    links.push(
      {
        key: 'png',
        label: 'downloads.infographicPng',
        href: `${imageBase}/infographic.png`,
        testId: 'download-png',
      },
      {
        key: 'svg',
        label: 'downloads.infographicSvg',
        href: `${imageBase}/infographic.svg`,
        testId: 'download-svg',
      },
    );
  }
  if (office) {
    links.push(
      { key: 'division-xlsx', label: 'downloads.divisionXlsx', href: `/api/reports/${id}/division.xlsx` },
      { key: 'division-docx', label: 'downloads.divisionDocx', href: `/api/reports/${id}/division.docx` },
      { key: 'ledger', label: 'downloads.ledgerXlsx', href: `/api/reports/${id}/ledger.xlsx` },
    );
    const latest = periods.status === 'ok' ? periods.data.at(-1) : undefined;
    if (latest) {
      const period = encodeURIComponent(bulletinPeriod(latest));
      links.push(
        {
          key: 'bulletin-docx',
          label: 'downloads.bulletinDocx',
          href: `/api/reports/${id}/bulletin.docx?period=${period}`,
        },
        {
          key: 'bulletin-md',
          label: 'downloads.bulletinMd',
          href: `/api/reports/${id}/bulletin.md?period=${period}`,
        },
      );
    }
  }
  if (links.length === 0) return null;

  return (
    <section className="home-downloads" aria-labelledby="home-downloads-title" data-testid="home-downloads">
      <h2 className="section-title" id="home-downloads-title">
        {t('downloads.title')}
      </h2>
      <ul className="download-list">
        {links.map((link) => (
          <li key={link.key}>
            <a href={link.href} download data-testid={link.testId}>
              {t(link.label)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
