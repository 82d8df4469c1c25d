import { UploadOutlined } from '@ant-design/icons';
import { Button, Upload } from 'antd';
import { useI18n } from '../i18n/i18n.js';

/**
 * One file picked and kept in the browser until a later button sends it: the field's label, the
 * choose button and the picked file's name, which can be removed (`onPick(null)`).
 */
export function FilePicker({
  id,
  label,
  accept,
  file,
  onPick,
}: {
  /** The input's id, which the label names. */
  id: string;
  label: string;
  /** File types offered by the browser's dialog (`.xlsx,.docx`). */
  accept: string;
  file: File | null;
  onPick: (file: File | null) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <Upload
        id={id}
        accept={accept}
        maxCount={1}
        fileList={file ? [{ uid: id, name: file.name, status: 'done' }] : []}
        beforeUpload={(chosen) => {
          onPick(chosen);
          // Kept in the browser: the form's own button uploads it.
          return false;
        }}
        onRemove={() => onPick(null)}
      >
        <Button icon={<UploadOutlined />}>{t('upload.choose')}</Button>
      </Upload>
    </>
  );
}
