import { App, Button } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { importPlanAsReport } from '../api/client.js';
import { useApiErrorText } from '../api/use-api-error-text.js';
import { FilePicker } from '../components/file-picker.js';
import { Panel } from '../components/panel.js';
import { useI18n } from '../i18n/i18n.js';
import { useCurrentReport } from '../session/current-report.js';

/** 以分工方案为台账 — many offices track the 分工方案 itself: store it as the plan in one step. */
export function ImportPlanPanel() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const apiMessage = useApiErrorText();
  const navigate = useNavigate();
  const { reload } = useCurrentReport();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const result = await importPlanAsReport(file);
      message.success(t('import.asPlanDone', { tasks: result.tasks, assignments: result.assignments }));
      reload();
      navigate(`/?report=${result.reportId}`);
    } catch (error) {
      message.error(apiMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Panel title={t('import.asPlanTitle')} testId="import-as-plan">
      <p className="secondary">{t('import.asPlanHint')}</p>
      <div className="import-form">
        <FilePicker
          id="import-plan-file"
          label={t('import.asPlanFile')}
          accept=".xlsx,.docx,.doc,.wps,.pdf,.ofd,.html,.htm,.mhtml,.mht,.md,.txt"
          file={file}
          onPick={setFile}
        />
        <Button
          onClick={() => void submit()}
          disabled={!file}
          loading={busy}
          data-testid="import-as-plan-submit"
        >
          {t('import.asPlanSubmit')}
        </Button>
      </div>
    </Panel>
  );
}
