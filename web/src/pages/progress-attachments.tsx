import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload } from 'antd';
import { useId, useState } from 'react';
import { listAttachments, removeAttachment, uploadAttachment } from '../api/client.js';
import type { Attachment } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { useApiErrorText } from '../api/use-api-error-text.js';
import { useI18n } from '../i18n/i18n.js';
import { formatBytes } from '../report/format-bytes.js';

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot >= 0 ? name.slice(dot).toLowerCase() : '';
}

/**
 * 佐证材料 — the evidence files of a unit's progress report: listed for everyone who can read the
 * report; added and removed by the unit while the report is a draft or returned. Files hang on a
 * stored report, so before the first save the panel only says to save the draft.
 */
export function ProgressAttachments({
  progressId,
  editable,
}: {
  progressId: number | null;
  editable: boolean;
}) {
  const { t } = useI18n();
  const titleId = useId();
  if (progressId === null) {
    return (
      <section className="progress-attachments" aria-labelledby={titleId} data-testid="attachments">
        <h3 id={titleId} className="field-label">
          {t('attach.title')}
        </h3>
        <p className="secondary">{t('attach.saveFirst')}</p>
      </section>
    );
  }
  return <AttachmentList progressId={progressId} editable={editable} titleId={titleId} />;
}

function AttachmentList({
  progressId,
  editable,
  titleId,
}: {
  progressId: number;
  editable: boolean;
  titleId: string;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const apiMessage = useApiErrorText();
  const inputId = useId();
  const list = useApi(`attachments:${progressId}`, () => listAttachments(progressId));
  const [busy, setBusy] = useState(false);
  const limits = list.data?.limits;
  const types = limits ? limits.extensions.map((e) => e.slice(1)).join('、') : '';

  const upload = async (chosen: readonly File[]) => {
    if (chosen.length === 0 || !limits) return;
    setBusy(true);
    try {
      for (const file of chosen) {
        // The server checks again; checking here saves a phone user an upload that would be refused.
        if (!limits.extensions.includes(extensionOf(file.name))) {
          message.error(t('attach.badType', { name: file.name, types }));
          continue;
        }
        if (file.size > limits.maxBytes) {
          message.error(t('attach.tooBig', { name: file.name, size: formatBytes(limits.maxBytes) }));
          continue;
        }
        try {
          const stored = await uploadAttachment(progressId, file);
          message.success(t('attach.uploaded', { name: stored.fileName }));
        } catch (error) {
          message.error(apiMessage(error));
        }
      }
    } finally {
      setBusy(false);
      list.reload();
    }
  };

  const remove = async (attachment: Attachment) => {
    try {
      await removeAttachment(attachment.id);
      message.success(t('attach.removed', { name: attachment.fileName }));
    } catch (error) {
      message.error(apiMessage(error));
    } finally {
      list.reload();
    }
  };

  const attachments = list.data?.attachments ?? [];
  // Readers (the office reviewing, a submitted report) see the section only when files exist.
  if (!editable && attachments.length === 0) return null;
  return (
    <section className="progress-attachments" aria-labelledby={titleId} data-testid="attachments">
      <h3 id={titleId} className="field-label">
        {t('attach.title')}
      </h3>
      {list.status === 'error' ? <p role="alert">{apiMessage(list.error)}</p> : null}
      {list.status === 'ok' && attachments.length === 0 ? (
        <p className="secondary">{t('attach.none')}</p>
      ) : null}
      <ul className="attachment-list">
        {attachments.map((attachment) => (
          <li key={attachment.id} data-testid="attachment">
            <PaperClipOutlined aria-hidden />
            <a href={`/api/attachments/${attachment.id}`} className="attachment-name">
              {attachment.fileName}
            </a>
            <span className="secondary">{formatBytes(attachment.size)}</span>
            {editable ? (
              <Button
                size="small"
                type="link"
                danger
                aria-label={t('attach.removeLabel', { name: attachment.fileName })}
                onClick={() => void remove(attachment)}
              >
                {t('attach.remove')}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {editable && limits ? (
        <div className="attachment-upload">
          <label htmlFor={inputId} className="field-label">
            {busy ? t('attach.uploading') : t('attach.add')}
          </label>
          <Upload
            id={inputId}
            multiple
            disabled={busy}
            accept={limits.extensions.join(',')}
            showUploadList={false}
            beforeUpload={(file, chosen) => {
              // Called once per file of a pick; the first call sends them all, in order.
              if (file === chosen[0]) void upload(chosen);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy}>
              {t('upload.choose')}
            </Button>
          </Upload>
          <p className="secondary">{t('attach.hint', { types, size: formatBytes(limits.maxBytes) })}</p>
        </div>
      ) : null}
    </section>
  );
}
