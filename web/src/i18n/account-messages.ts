/**
 * UI strings of one's own account (修改密码) and of signing in again, kept apart from messages.ts.
 * `accountEn` must have the same keys (type-checked there).
 */
export const accountZh = {
  'account.password': '修改密码',
  'account.passwordTitle': '修改密码',
  'account.mustChange': '您正在使用一次性密码，请先设置自己的密码再继续使用。',
  'account.current': '当前密码',
  'account.new': '新密码',
  'account.confirm': '再次输入新密码',
  'account.newHint': '至少 10 个字符，不能与当前密码相同。',
  'account.currentRequired': '请输入当前密码',
  'account.newRequired': '请输入新密码',
  'account.mismatch': '两次输入的新密码不一致',
  'account.save': '保存新密码',
  'account.saved': '密码已修改，其他设备上的登录已退出',
  'account.failed': '修改失败：{reason}',
  'deadline.source.assignment': '分工方案确定',
  'deadline.source.task': '报告原文',
  'deadline.source.year_end': '未明确，按报告年度末',
  'deadline.default': '默认',
  'dashboard.noTasks': '无任务',
  'dashboard.byClass': '进度状态',
  'dashboard.byLight': '预警灯',
} as const;

export const accountEn: Record<keyof typeof accountZh, string> = {
  'account.password': 'Change password',
  'account.passwordTitle': 'Change password',
  'account.mustChange': 'You signed in with a one-time password. Set your own password to continue.',
  'account.current': 'Current password',
  'account.new': 'New password',
  'account.confirm': 'New password again',
  'account.newHint': 'At least 10 characters, different from the current one.',
  'account.currentRequired': 'Enter your current password',
  'account.newRequired': 'Enter a new password',
  'account.mismatch': 'The two new passwords differ',
  'account.save': 'Save new password',
  'account.saved': 'Password changed; your other sessions were signed out',
  'account.failed': 'Could not change the password: {reason}',
  'deadline.source.assignment': 'set by the division of work',
  'deadline.source.task': 'as the report states',
  'deadline.source.year_end': "not stated: the report year's end",
  'deadline.default': 'default',
  'dashboard.noTasks': 'no tasks',
  'dashboard.byClass': 'Progress status',
  'dashboard.byLight': 'Lights',
};
