import type { Locator, Page } from 'playwright-core';

/**
 * Picks `option` in the antd select whose input is `input` and waits until the select shows it.
 * The option is clicked in this select's own dropdown (its listbox id is in aria-controls):
 * another select's dropdown may still be closing with the same option in it.
 */
export async function pickOption(page: Page, input: Locator, option: string): Promise<void> {
  await input.click();
  const listbox = await input.getAttribute('aria-controls');
  if (!listbox) throw new Error(`the select for ${option} names no listbox`);
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)', {
      has: page.locator(`[id="${listbox}"]`),
    })
    .locator('.ant-select-item-option')
    .filter({ hasText: new RegExp(`^${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
    .click();
  const select = input.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]');
  await select.filter({ hasText: option }).waitFor();
}
