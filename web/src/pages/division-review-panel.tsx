import { Alert, Button, Checkbox, Select, Space, Table, Tag } from 'antd';
import { useId, useMemo, useState } from 'react';
import { commitDivisionPlan, previewDivisionPlan } from '../api/client.js';
import type { DivisionCommitBody, DivisionCommitResult, DivisionPreview } from '../api/office-types.js';
import type { Unit } from '../api/types.js';
import { useApiErrorText } from '../api/use-api-error-text.js';
import { FilePicker } from '../components/file-picker.js';
import { Panel } from '../components/panel.js';
import { useI18n } from '../i18n/i18n.js';

type PreviewRow = DivisionPreview['rows'][number];

/** The office's choice for one row: which tasks it covers, or a new task under an area. */
interface RowChoice {
  taskIds: number[];
  addAsTask: boolean;
  parentId: number | null;
}

/** The office's choice for an unknown unit name: create it, or map it to a unit. */
type UnitChoice = { create: true } | { create: false; unitId: number };

const STATUS_COLOR = { matched: 'green', ambiguous: 'gold', unmatched: 'red' } as const;
const CHANGE_COLOR = { new: 'blue', changed: 'orange', same: 'default' } as const;

function initialChoices(preview: DivisionPreview): Map<number, RowChoice> {
  return new Map(
    preview.rows.map((row) => [
      row.line,
      {
        taskIds: row.status === 'matched' ? row.matches : [],
        addAsTask: false,
        parentId:
          preview.parents.find((p) => row.area !== null && p.title === row.area)?.id ??
          preview.parents[0]?.id ??
          null,
      },
    ]),
  );
}

/** The body of the commit: rows with chosen tasks (or a new task) and the unit decisions. */
export function commitBodyOf(
  preview: DivisionPreview,
  choices: ReadonlyMap<number, RowChoice>,
  unitChoices: ReadonlyMap<string, UnitChoice>,
): DivisionCommitBody {
  const rows = preview.rows.flatMap((row) => {
    const choice = choices.get(row.line);
    if (!choice || row.lead.length + row.cooperating.length === 0) return [];
    const newTask =
      choice.addAsTask && choice.parentId !== null
        ? { parentId: choice.parentId, text: row.text }
        : undefined;
    if (choice.taskIds.length === 0 && !newTask) return [];
    return [
      {
        line: row.line,
        taskIds: choice.taskIds,
        ...(newTask ? { newTask } : {}),
        lead: row.lead,
        cooperating: row.cooperating,
        leaders: row.leaders,
        deadline: row.deadline,
      },
    ];
  });
  const units = [...unitChoices].map(([name, choice]) =>
    choice.create ? { name, create: true } : { name, unitId: choice.unitId },
  );
  return { rows, units };
}

/**
 * 上传分工方案并核对 — upload a 分工方案 in any shape, review every row (its report tasks,
 * highlighted in the report's task list; unknown units; unreadable deadlines), correct the
 * matches by hand, then write it all at once. Nothing is written before the office confirms.
 */
export function DivisionReviewPanel({
  reportId,
  units,
  onCommitted,
}: {
  reportId: number;
  units: Unit[];
  onCommitted: () => void;
}) {
  const { t, locale } = useI18n();
  const apiMessage = useApiErrorText();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<DivisionPreview | null>(null);
  const [choices, setChoices] = useState<Map<number, RowChoice>>(new Map());
  const [unitChoices, setUnitChoices] = useState<Map<string, UnitChoice>>(new Map());
  const [result, setResult] = useState<DivisionCommitResult | null>(null);

  /** A new file (or none) makes the previous review and outcome stale. */
  const pickFile = (chosen: File | null) => {
    setFile(chosen);
    setPreview(null);
    setResult(null);
    setError(null);
  };

  const read = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const next = await previewDivisionPlan(reportId, file);
      setPreview(next);
      setChoices(initialChoices(next));
      setUnitChoices(
        new Map(
          next.units.filter((u) => u.status === 'unknown').map((u) => [u.name, { create: true } as const]),
        ),
      );
    } catch (failure) {
      setPreview(null);
      setError(apiMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    if (!preview) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await commitDivisionPlan(reportId, commitBodyOf(preview, choices, unitChoices)));
      setPreview(null);
      onCommitted();
    } catch (failure) {
      setError(apiMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const choose = (line: number, change: Partial<RowChoice>) =>
    setChoices((previous) => {
      const next = new Map(previous);
      next.set(line, { ...(previous.get(line) as RowChoice), ...change });
      return next;
    });

  return (
    <Panel title={t('plan.title')} testId="division-review">
      <p className="secondary">{t('plan.hint')}</p>
      <div className="import-form">
        <FilePicker
          id={inputId}
          label={t('plan.file')}
          accept=".docx,.xlsx,.txt,.md"
          file={file}
          onPick={pickFile}
        />
        <Button onClick={() => void read()} disabled={!file} loading={busy && !preview}>
          {t('plan.read')}
        </Button>
      </div>
      {error ? (
        <Alert className="assign-outcome" type="error" showIcon title={error} data-testid="plan-error" />
      ) : null}
      {result ? (
        <Alert
          className="assign-outcome"
          type="success"
          showIcon
          data-testid="plan-result"
          title={t('plan.committed', {
            tasks: result.tasks,
            created: result.created,
            updated: result.updated,
            archived: result.archived,
            newTasks: result.newTasks,
          })}
          description={
            result.unitsCreated.length > 0
              ? t('division.unitsCreated', { names: result.unitsCreated.join('、') })
              : undefined
          }
        />
      ) : null}
      {preview ? (
        <Review
          preview={preview}
          units={units}
          choices={choices}
          unitChoices={unitChoices}
          onChoose={choose}
          onUnitChoice={(name, choice) => setUnitChoices((previous) => new Map(previous).set(name, choice))}
          locale={locale}
        />
      ) : null}
      {preview ? (
        <Space>
          <Button type="primary" onClick={() => void commit()} loading={busy} data-testid="plan-commit">
            {t('plan.commit')}
          </Button>
          <span className="secondary">{t('plan.skipped')}</span>
        </Space>
      ) : null}
    </Panel>
  );
}

function Review({
  preview,
  units,
  choices,
  unitChoices,
  onChoose,
  onUnitChoice,
  locale,
}: {
  preview: DivisionPreview;
  units: Unit[];
  choices: ReadonlyMap<number, RowChoice>;
  unitChoices: ReadonlyMap<string, UnitChoice>;
  onChoose: (line: number, change: Partial<RowChoice>) => void;
  onUnitChoice: (name: string, choice: UnitChoice) => void;
  locale: string;
}) {
  const { t } = useI18n();
  const taskById = useMemo(() => new Map(preview.tasks.map((task) => [task.id, task])), [preview]);
  const chosen = new Set([...choices.values()].flatMap((choice) => choice.taskIds));
  const count = (status: PreviewRow['status']) => preview.rows.filter((row) => row.status === status).length;
  const unknown = preview.units.filter((unit) => unit.status === 'unknown');
  const taskLabel = (id: number) => {
    const task = taskById.get(id);
    return task ? `${task.index} ${task.text}` : String(id);
  };
  return (
    <div className="division-review" data-testid="plan-review">
      <p data-testid="plan-summary">
        {t('plan.summary', {
          title: preview.title,
          rows: preview.rows.length,
          matched: count('matched'),
          ambiguous: count('ambiguous'),
          unmatched: count('unmatched'),
        })}
      </p>
      {unknown.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          data-testid="plan-unknown-units"
          title={t('plan.unknownUnits', { count: unknown.length })}
          description={
            <ul className="plain-list">
              {unknown.map((unit) => {
                const choice = unitChoices.get(unit.name);
                return (
                  <li key={unit.name} data-testid="plan-unknown-unit">
                    <strong>{unit.name}</strong>{' '}
                    <Checkbox
                      checked={choice?.create ?? true}
                      onChange={(event) => {
                        if (event.target.checked) onUnitChoice(unit.name, { create: true });
                      }}
                    >
                      {t('plan.createUnit')}
                    </Checkbox>
                    <Select
                      size="small"
                      style={{ minWidth: 200 }}
                      placeholder={t('plan.mapTo')}
                      aria-label={`${t('plan.mapTo')} ${unit.name}`}
                      showSearch={{ optionFilterProp: 'label' }}
                      value={choice && !choice.create ? choice.unitId : undefined}
                      options={[
                        ...unit.candidates.map((c) => ({ value: c.id, label: c.name })),
                        ...units
                          .filter((u) => !unit.candidates.some((c) => c.id === u.id))
                          .map((u) => ({ value: u.id, label: u.name })),
                      ]}
                      onChange={(unitId: number) => onUnitChoice(unit.name, { create: false, unitId })}
                    />
                  </li>
                );
              })}
            </ul>
          }
        />
      ) : null}
      <Table<PreviewRow>
        size="small"
        rowKey="line"
        data-testid="plan-rows"
        dataSource={preview.rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('plan.seq'), dataIndex: 'seq', key: 'seq', width: 56 },
          {
            title: t('plan.task'),
            key: 'text',
            render: (_, row) => (
              <>
                <div>{row.text}</div>
                {row.problems.map((problem) => (
                  <Tag color="red" key={problem.code}>
                    {locale === 'en' ? problem.en : problem.zh}
                  </Tag>
                ))}
              </>
            ),
          },
          {
            title: t('plan.match'),
            key: 'match',
            width: 320,
            render: (_, row) => {
              const choice = choices.get(row.line);
              const offered = [
                ...row.candidates.map((c) => c.taskId),
                ...preview.tasks
                  .map((task) => task.id)
                  .filter((id) => !row.candidates.some((c) => c.taskId === id)),
              ];
              return (
                <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                  <Space size={4} wrap>
                    <Tag color={STATUS_COLOR[row.status]}>{t(`plan.${row.status}`)}</Tag>
                    {row.change !== 'none' ? (
                      <Tag color={CHANGE_COLOR[row.change]}>{t(`plan.change.${row.change}`)}</Tag>
                    ) : null}
                  </Space>
                  <Select
                    mode="multiple"
                    size="small"
                    style={{ width: '100%' }}
                    aria-label={`${t('plan.match')} ${row.seq ?? row.line}`}
                    value={choice?.taskIds ?? []}
                    showSearch={{ optionFilterProp: 'label' }}
                    options={offered.map((id) => {
                      const score = row.candidates.find((c) => c.taskId === id)?.score;
                      return {
                        value: id,
                        label: `${taskLabel(id)}${score === undefined ? '' : ` (${score.toFixed(2)})`}`,
                      };
                    })}
                    onChange={(taskIds: number[]) => onChoose(row.line, { taskIds })}
                  />
                  {row.status === 'unmatched' ? (
                    <Space size={4} wrap>
                      <Checkbox
                        checked={choice?.addAsTask ?? false}
                        onChange={(event) => onChoose(row.line, { addAsTask: event.target.checked })}
                      >
                        {t('plan.addTask')}
                      </Checkbox>
                      {choice?.addAsTask ? (
                        <Select
                          size="small"
                          style={{ minWidth: 180 }}
                          value={choice.parentId ?? undefined}
                          options={preview.parents.map((p) => ({ value: p.id, label: p.title }))}
                          onChange={(parentId: number) => onChoose(row.line, { parentId })}
                        />
                      ) : null}
                    </Space>
                  ) : null}
                </Space>
              );
            },
          },
          {
            title: t('plan.units'),
            key: 'units',
            render: (_, row) => (
              <>
                <div>{row.lead.join('、')}</div>
                <div className="secondary">{row.cooperating.join('、')}</div>
              </>
            ),
          },
          { title: t('plan.leaders'), key: 'leaders', render: (_, row) => row.leaders.join('、') },
          {
            title: t('plan.deadline'),
            key: 'deadline',
            render: (_, row) =>
              row.problems.some((p) => p.code === 'bad_deadline') ? (
                <Tag color="red">{t('plan.badDeadline')}</Tag>
              ) : (
                (row.deadline ?? (row.deadlineText ? t('plan.ongoing') : ''))
              ),
          },
        ]}
      />
      <details className="division-report-text">
        <summary>{t('plan.reportText')}</summary>
        <ol className="plain-list" data-testid="plan-report-tasks">
          {preview.tasks.map((task) => (
            <li key={task.id}>
              {task.index}{' '}
              {chosen.has(task.id) ? <mark data-testid="plan-highlight">{task.text}</mark> : task.text}
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}
