import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Picks `date` ('2026-09-30') in the antd DatePicker whose input is `input`: types it (the
 * calendar moves to that month) and clicks its day, as a user does. Enter is not used: inside a
 * form it would also submit the form.
 */
export async function fillDate(input: Locator, date: string): Promise<void> {
  const page = input.page();
  await input.click();
  await input.fill(date);
  await openCalendar(page).locator(`td[title="${date}"]`).click();
  // A calendar may stay open after the pick (antd keeps the popup of a field that still has the
  // focus); leaving the field closes it, as a user's next click does.
  if (await openCalendar(page).isVisible()) await input.press('Tab');
  await openCalendar(page).waitFor({ state: 'hidden' });
  await expect.poll(() => input.inputValue(), { message: `the date field shows ${date}` }).toBe(date);
}

/** The calendar popup that is open now (antd keeps closed ones in the page, hidden). */
export function openCalendar(page: Page): Locator {
  return page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
}
