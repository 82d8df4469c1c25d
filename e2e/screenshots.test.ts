import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, firstReportTasks } from './support/api-client.js';
import type { Viewport } from './support/browser.js';
import { repoRoot } from './support/luoshi-server.js';
import { useLuoshi } from './support/use-luoshi.js';

/** Where the run's screenshots go (E2E_ARTIFACTS_DIR, default e2e-artifacts/screenshots; gitignored). */
const DIR = path.resolve(repoRoot, process.env.E2E_ARTIFACTS_DIR ?? 'e2e-artifacts/screenshots');

const WIDTHS: Record<string, Viewport> = {
  '1440': { width: 1440, height: 900 },
  '390': { width: 390, height: 844 },
};

/**
 * Screenshots of the main screens at desktop and phone width, for people to look at (the run's
 * artifacts): dashboard, task page, review queue, the bulletin's chart and the public page.
 */
describe('screenshots of the main screens at 1440 and 390 px', { timeout: 120_000 }, () => {
  const app = useLuoshi();
  let admin: ApiClient;
  let taskId = 0;
  let reportId = 0;

  beforeAll(async () => {
    mkdirSync(DIR, { recursive: true });
    admin = await app.api();
    const report = await firstReportTasks(admin);
    reportId = report.reportId;
    const [task, waiting] = report.tasks.filter((t) => t.targets.length > 0);
    if (!task || !waiting) throw new Error('the sample has fewer than two tasks with targets');
    taskId = task.id;

    // A day in the office, so the screens show figures and a queue: one unit, a Q2 period, one
    // report approved (half of its target reached) and one submitted and waiting for review.
    const unit = await admin.ok<{ id: number }>('POST', '/api/units', { name: '区发展改革委' });
    const people: Record<string, ApiClient> = {};
    for (const [username, role] of [
      ['fgw_reporter', 'reporter'],
      ['fgw_head', 'unit_head'],
    ] as const) {
      const { password } = await admin.ok<{ password: string }>('POST', '/api/users', {
        username,
        role,
        unitId: unit.id,
      });
      people[role] = await app.api({ username, password });
    }
    const period = await admin.ok<{ id: number }>('POST', `/api/reports/${reportId}/periods`, {
      label: '2026-Q2',
      open: true,
    });
    for (const [index, current] of [task, waiting].entries()) {
      await admin.ok('POST', `/api/tasks/${current.id}/assignments`, { unitId: unit.id, role: 'lead' });
      const target = current.targets[0]!;
      const draft = await people.reporter!.ok<{ id: number; version: number }>(
        'PUT',
        `/api/periods/${period.id}/tasks/${current.id}/progress`,
        {
          narrative:
            index === 0 ? '主体工程按计划推进，已完成年度目标的一半。' : '已完成前期手续，正在组织施工。',
          values: [{ targetId: target.id, value: target.value / (index === 0 ? 2 : 4) }],
        },
      );
      const submitted = await people.unit_head!.ok<{ version: number }>(
        'POST',
        `/api/progress/${draft.id}/submit`,
        { version: draft.version },
      );
      if (index === 0) {
        await admin.ok('POST', `/api/progress/${draft.id}/approve`, { version: submitted.version });
      }
    }
  });

  for (const [width, viewport] of Object.entries(WIDTHS)) {
    it(`at ${width} px`, async () => {
      const office = await app.signedIn(app.admin, viewport);
      const shots: [string, string, string][] = [
        ['dashboard', '/dashboard', 'dashboard-page'],
        ['task', `/tasks/${taskId}`, 'task-page'],
        ['review', '/review', 'review-page'],
      ];
      for (const [name, url, testId] of shots) {
        await office.goto(url);
        await office.getByTestId(testId).waitFor();
        // Charts draw after their chunk loads; wait until the page has settled.
        await office.waitForLoadState('networkidle');
        await office.screenshot({ path: path.join(DIR, `${name}-${width}.png`), fullPage: true });
      }

      const bulletin = await admin.http.get(`/api/reports/${reportId}/bulletin.md?period=2026-Q2`);
      expect(bulletin.ok()).toBe(true);
      const charts = [...(await bulletin.text()).matchAll(/data:image\/png;base64,([A-Za-z0-9+/=]+)/g)];
      expect(charts.length).toBeGreaterThan(0);
      const chartPage = await app.page(viewport);
      await chartPage.setContent(
        `<body style="margin:0">${charts
          .map((m) => `<img style="display:block;max-width:100%" src="data:image/png;base64,${m[1]}">`)
          .join('')}</body>`,
      );
      await chartPage.screenshot({ path: path.join(DIR, `bulletin-charts-${width}.png`), fullPage: true });
      if (width === '1440')
        writeFileSync(path.join(DIR, 'bulletin-groups.png'), Buffer.from(charts[0]?.[1] ?? '', 'base64'));

      const visitor = await app.page(viewport);
      await visitor.goto(`/public/reports/${reportId}`);
      // The progress table: number headers aligned with their columns, each on one line, at any width.
      // A string script: the e2e tsconfig has no DOM types.
      const headers =
        (await visitor.evaluate(`[...document.querySelector('table').querySelectorAll('th')].map((cell) => {
        const style = getComputedStyle(cell);
        const data = cell.closest('table').querySelector('tbody tr').children[cell.cellIndex];
        return {
          text: cell.textContent,
          align: style.textAlign,
          dataAlign: getComputedStyle(data).textAlign,
          oneLine: cell.getBoundingClientRect().height - 12 < Number.parseFloat(style.lineHeight) * 1.5,
        };
      })`)) as { text: string; align: string; dataAlign: string; oneLine: boolean }[];
      expect(headers.map((h) => h.text)).toEqual(['量化目标', '目标值', '最新完成值', '完成率']);
      for (const header of headers) {
        expect(header.align).toBe(header.dataAlign);
        expect(header.oneLine).toBe(true);
      }
      await visitor.screenshot({ path: path.join(DIR, `public-progress-${width}.png`), fullPage: true });
      await visitor.goto('/');
      await visitor.getByTestId('area-card').first().waitFor();
      await visitor.waitForLoadState('networkidle');
      await visitor.screenshot({ path: path.join(DIR, `public-${width}.png`), fullPage: true });
    });
  }
});
