/**
 * The fixed clock of the browser tests: the server judges status at FIXED_TODAY (LUOSHI_TODAY)
 * and every page's browser clock stands at FIXED_NOW, the same day in the office's time zone,
 * so 序时进度 and "as of" texts are the same on any day the tests run.
 */
export const FIXED_NOW = new Date('2026-06-30T10:00:00+08:00');

/** FIXED_NOW's date in Asia/Shanghai, as the server's LUOSHI_TODAY. */
export const FIXED_TODAY = '2026-06-30';
