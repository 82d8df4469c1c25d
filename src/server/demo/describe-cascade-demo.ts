import type { CascadeDemo } from './load-cascade-demo.js';

/**
 * What the cascade demonstration loaded and who signs in with which one-time password, as lines
 * to print once (by `luoshi demo cascade` and by `luoshi serve --demo cascade`).
 */
export function describeCascadeDemo(demo: CascadeDemo, month: string): string[] {
  return [
    `luoshi demo cascade: 北京市 report ${demo.cityReportId}, 通州区 report ${demo.districtReportId}, ` +
      `${demo.superiorTaskIds.length} tasks handed down (period ${month}).`,
    'Sign in with (passwords shown once):',
    ...demo.accounts.map(
      (a) =>
        `  ${a.username.padEnd(10)} ${a.password}  ${a.role.padEnd(9)} ${a.organisation}${a.unit ? ` · ${a.unit}` : ''}`,
    ),
  ];
}
