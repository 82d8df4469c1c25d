import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
// Weekday and month names of the calendar come from dayjs' locale data; English is built in.
import 'dayjs/locale/zh-cn';

const DAY = 'YYYY-MM-DD';

/**
 * A calendar date as the API keeps it ('2026-12-31'), picked with antd's DatePicker so the
 * control speaks the UI's language (ConfigProvider's locale) instead of the browser's, and
 * form values stay plain strings. Used as a Form.Item child: `value`/`onChange` come from the form.
 */
export function DateField({
  value,
  onChange,
  id,
  disabled,
}: {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  id?: string;
  disabled?: boolean;
}) {
  const day: Dayjs | null = value ? dayjs(value, DAY) : null;
  return (
    <DatePicker
      id={id}
      value={day?.isValid() ? day : null}
      format={DAY}
      disabled={disabled}
      allowClear
      style={{ minWidth: 150 }}
      onChange={(picked: Dayjs | null) => onChange?.(picked ? picked.format(DAY) : undefined)}
    />
  );
}
