import { Alert, App, Button, Checkbox, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, commitImport, previewImport } from '../api/client.js';
import type { ImportPreview } from '../api/types.js';
import { useApiErrorText } from '../api/use-api-error-text.js';
import { FilePicker } from '../components/file-picker.js';
import { Panel } from '../components/panel.js';
import { withAppContext } from '../components/with-app-context.js';
import { useI18n } from '../i18n/i18n.js';
import { displayLabel } from '../report/tree-stats.js';
import { useCurrentReport } from '../session/current-report.js';
import { ImportPlanPanel } from './import-plan-panel.js';
import { describeTarget, type TargetEdit, TargetEditor, toTargetEdit } from './import-target-editor.js';

type PreviewTask = ImportPreview['areas'][number]['tasks'][number];

/** 导入报告 — upload a report, check the tree, targets and merge diff, then commit. */
export const ImportPage = withAppContext(ImportWizard);

function ImportWizard() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const apiMessage = useApiErrorText();
  const navigate = useNavigate();
  const { reports, reload } = useCurrentReport();
  const [file, setFile] = useState<File | null>(null);
  const [mergeInto, setMergeInto] = useState<number | null>(null);
  // Publishing is a deliberate step: off by default, and confirmed when ticked.
  const [publish, setPublish] = useState(false);
  const [preview, setPreviewState] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState(false);
  /** Corrected targets by preview task key; sent with the commit of a new report. */
  const [edits, setEdits] = useState<ReadonlyMap<number, TargetEdit[]>>(new Map());
  const [editing, setEditing] = useState<PreviewTask | null>(null);
  /** The server's per-edit objections to the last commit, one line per field. */
  const [editErrors, setEditErrors] = useState<string[]>([]);
  const setPreview = (next: ImportPreview | null) => {
    setPreviewState(next);
    setEdits(new Map());
    setEditErrors([]);
  };

  const upload = async () => {
    if (!file) return;
    setBusy(true);
    try {
      setPreview(await previewImport(file, mergeInto));
    } catch (error) {
      message.error(apiMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const confirmCommit = () => {
    if (!publish) {
      void commit();
      return;
    }
    modal.confirm({
      title: t('import.publishConfirmTitle'),
      content: t('import.publishConfirm'),
      okText: t('import.publishConfirmOk'),
      cancelText: t('targetEdit.cancel'),
      onOk: () => commit(),
    });
  };

  const commit = async () => {
    if (!preview) return;
    setBusy(true);
    setEditErrors([]);
    const sent = [...edits].map(([task, targets]) => ({ task, targets }));
    try {
      const result = await commitImport(preview.uploadId, {
        fileName: preview.fileName,
        ...(preview.merge
          ? { reportId: preview.merge.reportId, reportVersion: preview.merge.reportVersion }
          : { targetEdits: sent }),
        publish,
      });
      message.success(t('import.done'));
      reload();
      navigate(`/?report=${result.reportId}`);
    } catch (error) {
      message.error(apiMessage(error));
      if (error instanceof ApiError) setEditErrors(describeEditErrors(error, sent, preview));
    } finally {
      setBusy(false);
    }
  };

  const onEdit = preview?.merge ? null : setEditing;

  return (
    <section data-testid="import-page">
      {editing ? (
        <TargetEditor
          taskText={editing.text}
          targets={edits.get(editing.key) ?? editing.targets.map(toTargetEdit)}
          onCancel={() => setEditing(null)}
          onApply={(targets) => {
            setEdits((before) => new Map(before).set(editing.key, targets));
            setEditing(null);
          }}
        />
      ) : null}
      <h1 className="page-title">{t('nav.import')}</h1>
      <Panel title={t('import.step1')}>
        <div className="import-form">
          <FilePicker
            id="import-file"
            label={t('import.file')}
            accept=".docx,.doc,.wps,.pdf,.ofd,.html,.htm,.mhtml,.mht,.md,.markdown,.txt"
            file={file}
            onPick={(chosen) => {
              setFile(chosen);
              setPreview(null);
            }}
          />
          <Select<number | null>
            aria-label={t('import.mergeInto')}
            value={mergeInto}
            onChange={(value) => {
              setMergeInto(value);
              setPreview(null);
            }}
            style={{ minWidth: 260 }}
            options={[
              { value: null, label: t('import.newReport') },
              ...(reports ?? []).map((r) => ({
                value: r.id,
                label: t('import.mergeLabel', { title: r.title }),
              })),
            ]}
          />
          <Button type="primary" onClick={() => void upload()} disabled={!file} loading={busy && !preview}>
            {t('import.preview')}
          </Button>
        </div>
      </Panel>
      {preview ? (
        <>
          <Panel title={t('import.step2')} testId="import-preview">
            <p>
              <strong>{preview.title}</strong>
              {preview.year ? ` · ${preview.year}` : ''} · {t('report.stats', { ...preview.counts })}
            </p>
            {preview.merge ? <MergeSummary merge={preview.merge} /> : null}
            {preview.merge ? (
              <p className="secondary">{t('targetEdit.mergeHint')}</p>
            ) : edits.size > 0 ? (
              <p data-testid="target-edit-count">{t('targetEdit.count', { count: edits.size })}</p>
            ) : null}
            {preview.indicators ? (
              <section className="import-indicators" data-testid="import-indicators">
                <h3 className="field-label">
                  {t('import.indicators', {
                    title: preview.indicators.title,
                    count: preview.indicators.tasks.length,
                  })}
                </h3>
                <p className="secondary">{t('import.indicatorsHint')}</p>
                <PreviewTasks tasks={preview.indicators.tasks} edits={edits} onEdit={onEdit} />
              </section>
            ) : null}
            <ol className="plain-list import-tree" data-testid="import-areas">
              {preview.areas.map((area, areaIndex) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the preview has no ids; its order is fixed.
                <li key={areaIndex}>
                  <strong>
                    {displayLabel(area.label)}
                    {area.title}
                  </strong>
                  <ul>
                    {area.measures.map((measure, measureIndex) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: as above
                      <li key={measureIndex}>
                        {displayLabel(measure.label)}
                        {measure.title}
                        <PreviewTasks tasks={measure.tasks} edits={edits} onEdit={onEdit} />
                      </li>
                    ))}
                  </ul>
                  <PreviewTasks tasks={area.tasks} edits={edits} onEdit={onEdit} />
                </li>
              ))}
            </ol>
          </Panel>
          <Panel title={t('import.step3')}>
            <Space wrap>
              <Checkbox
                checked={publish}
                onChange={(event) => setPublish(event.target.checked)}
                data-testid="import-publish"
              >
                {t('import.publish')}
              </Checkbox>
              <Button type="primary" onClick={confirmCommit} loading={busy} data-testid="import-commit">
                {preview.merge ? t('import.commitMerge') : t('import.commit')}
              </Button>
            </Space>
            {editErrors.length > 0 ? (
              <Alert
                type="error"
                showIcon
                className="form-alert"
                data-testid="import-edit-errors"
                title={t('targetEdit.refused')}
                description={
                  <ul>
                    {editErrors.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                }
              />
            ) : null}
          </Panel>
        </>
      ) : (
        <ImportPlanPanel />
      )}
    </section>
  );
}

function PreviewTasks({
  tasks,
  edits,
  onEdit,
}: {
  tasks: PreviewTask[];
  edits: ReadonlyMap<number, TargetEdit[]>;
  /** Opens the target editor; null when targets cannot be edited here (a merge). */
  onEdit: ((task: PreviewTask) => void) | null;
}) {
  const { t } = useI18n();
  if (tasks.length === 0) return null;
  return (
    <ul className="import-tasks">
      {tasks.map((task) => {
        const edited = edits.get(task.key);
        const targets = edited ?? task.targets.map(toTargetEdit);
        return (
          <li key={task.key} data-testid="import-task">
            <span data-testid="import-task-text">{task.text}</span>
            {targets.length > 0 ? (
              <span className="import-targets" data-testid="import-task-targets">
                {targets.map(describeTarget).join('；')}
              </span>
            ) : null}
            {edited ? <Tag color="blue">{t('targetEdit.edited')}</Tag> : null}
            {task.deadline ? <span className="secondary"> · {task.deadline.text}</span> : null}
            {onEdit ? (
              <Button size="small" type="link" onClick={() => onEdit(task)}>
                {t('targetEdit.edit')}
              </Button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

function MergeSummary({ merge }: { merge: NonNullable<ImportPreview['merge']> }) {
  const { t } = useI18n();
  return (
    <div className="merge-summary" data-testid="merge-summary">
      <p>{t('import.mergeCounts', { ...merge.counts })}</p>
      {merge.changed.length > 0 ? (
        <details>
          <summary>{t('import.changed', { count: merge.changed.length })}</summary>
          <ul>
            {merge.changed.map((change) => (
              <li key={change.id}>
                <del>{change.before}</del> → <ins>{change.after}</ins>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {merge.added.length > 0 ? (
        <details>
          <summary>{t('import.added', { count: merge.added.length })}</summary>
          <ul>
            {merge.added.map((added, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: added tasks have no ids yet.
              <li key={index}>{added.text}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {merge.archived.length > 0 ? (
        <details>
          <summary>{t('import.archived', { count: merge.archived.length })}</summary>
          <ul>
            {merge.archived.map((archived) => (
              <li key={archived.id}>{archived.text}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

/**
 * Lines naming the task and target each server objection is about, from field paths such as
 * `body.targetEdits.0.targets.1.max`.
 */
function describeEditErrors(
  error: ApiError,
  sent: readonly { task: number }[],
  preview: ImportPreview,
): string[] {
  const texts = new Map(
    [
      ...(preview.indicators?.tasks ?? []),
      ...preview.areas.flatMap((area) => [...area.measures.flatMap((m) => m.tasks), ...area.tasks]),
    ].map((task) => [task.key, task.text]),
  );
  return error.fields.flatMap((field) => {
    const match = /^body\.targetEdits\.(\d+)(?:\.targets\.(\d+)\.(\w+))?/.exec(field.path);
    if (!match) return [];
    const key = sent[Number(match[1])]?.task;
    const task = (key === undefined ? undefined : texts.get(key))?.slice(0, 40) ?? field.path;
    const where = match[2] === undefined ? '' : ` · #${Number(match[2]) + 1} ${match[3]}`;
    return [`${task}${where}: ${field.message}`];
  });
}
