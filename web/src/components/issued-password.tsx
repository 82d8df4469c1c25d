import { Alert, Typography } from 'antd';
import type { ReactNode } from 'react';

/**
 * A one-time password just issued (a new account, a new organisation's administrator), shown once
 * to copy and hand over; closing it forgets it.
 */
export function IssuedPassword({
  title,
  password,
  onClose,
}: {
  title: ReactNode;
  password: string;
  onClose: () => void;
}) {
  return (
    <Alert
      type="success"
      showIcon
      closable
      onClose={onClose}
      className="issued-password"
      title={title}
      description={
        <Typography.Text code copyable data-testid="issued-password">
          {password}
        </Typography.Text>
      }
    />
  );
}
