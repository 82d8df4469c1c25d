import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Table } from 'antd';
import { useId, useState } from 'react';
import { ApiError, importDivisionPlan } from '../api/client.js';
import type { DivisionImportResult, DivisionRowError } from '../api/office-types.js';
import { useApiErrorText } from '../api/use-api-error-text.js';
import { FilePicker } from '../components/file-picker.js';
import { Panel } from '../components/panel.js';
import { useI18n } from '../i18n/i18n.js';

type Outcome =
  | { kind: 'done'; result: DivisionImportResult }
  | { kind: 'rows'; errors: DivisionRowError[] }
  | { kind: 'failed'; message: string };

function isRowError(value: unknown): value is DivisionRowError {
  return typeof value === 'object' && value !== null && 'row' in value && 'column' in value && 'zh' in value;
}

/**
 * 导入分工方案 — upload a .xlsx 分工方案. The server checks every row first: either all rows are
 * imported and the counts are shown, or nothing is and each bad row is listed with its column.
 * It stays beside the review flow (DivisionReviewPanel) for the round trip of the exported sheet:
 * rows are keyed by its 任务编号 column, so tasks are found exactly (even two of the same words),
 * and one bad row stops the whole sheet, where the review matches by words and skips rows.
 */
export function DivisionImportPanel({ reportId, onImported }: { reportId: number; onImported: () => void }) {
  const { t, locale } = useI18n();
  const apiMessage = useApiErrorText();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const upload = async () => {
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    try {
      const result = await importDivisionPlan(reportId, file);
      setOutcome({ kind: 'done', result });
      onImported();
    } catch (error) {
      const rows = error instanceof ApiError ? error.details.errors : undefined;
      setOutcome(
        Array.isArray(rows) && rows.every(isRowError)
          ? { kind: 'rows', errors: rows }
          : { kind: 'failed', message: apiMessage(error) },
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Panel title={t('division.title')} testId="division-import">
      <p className="secondary">{t('division.hint')}</p>
      <div className="import-form">
        <FilePicker
          id={inputId}
          label={t('division.file')}
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          file={file}
          onPick={(chosen) => {
            setFile(chosen);
            setOutcome(null);
          }}
        />
        <Space wrap>
          <Button type="primary" onClick={() => void upload()} disabled={!file} loading={busy}>
            {t('division.upload')}
          </Button>
          <a href={`/api/reports/${reportId}/division.xlsx`} download>
            <DownloadOutlined aria-hidden /> {t('division.download')}
          </a>
        </Space>
      </div>
      {outcome?.kind === 'done' ? (
        <Alert
          className="assign-outcome"
          type="success"
          showIcon
          data-testid="division-result"
          title={t('division.done', {
            rows: outcome.result.rows,
            created: outcome.result.created,
            updated: outcome.result.updated,
            archived: outcome.result.archived,
            skipped: outcome.result.skipped,
          })}
          description={
            outcome.result.unitsCreated.length > 0
              ? t('division.unitsCreated', { names: outcome.result.unitsCreated.join('、') })
              : undefined
          }
        />
      ) : null}
      {outcome?.kind === 'failed' ? (
        <Alert
          className="assign-outcome"
          type="error"
          showIcon
          title={outcome.message}
          data-testid="division-failed"
        />
      ) : null}
      {outcome?.kind === 'rows' ? (
        <>
          <Alert
            className="assign-outcome"
            type="error"
            showIcon
            title={t('division.errors', { count: outcome.errors.length })}
            data-testid="division-failed"
          />
          <Table<DivisionRowError>
            size="small"
            data-testid="division-errors"
            rowKey={(error) => `${error.row}:${error.column}:${error.en}`}
            dataSource={outcome.errors}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              { title: t('division.row'), dataIndex: 'row', key: 'row', width: 72 },
              { title: t('division.column'), dataIndex: 'column', key: 'column', width: 110 },
              {
                title: t('division.reason'),
                key: 'reason',
                render: (_, error) => (locale === 'en' ? error.en : error.zh),
              },
            ]}
          />
        </>
      ) : null}
    </Panel>
  );
}
