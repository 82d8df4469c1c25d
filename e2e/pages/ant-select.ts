import type { Locator, Page } from 'playwright-core';

/** How `pickOption` matches an option's text: the whole text, or a part of it. */
export type OptionMatch = 'whole' | 'part';

/**
 * Picks `option` in the antd select whose input is `input` and waits until the select shows it.
 * The option is clicked in this select's own dropdown (its listbox id is in aria-controls):
 * another select's dropdown may still be closing with the same option in it.
 * With `match` 'part', `option` may be a part of the option's text (a title without its number);
 * it must still name exactly one option.
 */
export async function pickOption(
  page: Page,
  input: Locator,
  option: string,
  match: OptionMatch = 'whole',
): Promise<void> {
  const escaped = option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // The first opening of a select can stop half-way in its motion (the option found but never
  // visible and stable), or not open at all when the click lands while the page still renders
  // (the input then names no listbox): close it and open it again, a few times, before giving up.
  for (let attempt = 1; ; attempt++) {
    await input.click();
    const listbox = await openedListbox(input);
    if (!listbox) {
      if (attempt === 3) throw new Error(`the select for ${option} does not open`);
      await page.keyboard.press('Escape');
      continue;
    }
    const picked = page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)', {
        has: page.locator(`[id="${listbox}"]`),
      })
      .locator('.ant-select-item-option')
      .filter({ hasText: new RegExp(match === 'whole' ? `^${escaped}$` : escaped) })
      .click({ timeout: attempt < 3 ? 5_000 : 30_000 });
    if (attempt === 3) {
      await picked;
      break;
    }
    if (
      await picked.then(
        () => true,
        () => false,
      )
    )
      break;
    await page.keyboard.press('Escape');
  }
  const select = input.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]');
  await select.filter({ hasText: option }).waitFor();
}

/** The id of the listbox an opened select names in aria-controls, waiting a little for it to open. */
async function openedListbox(input: Locator): Promise<string | undefined> {
  for (let wait = 0; wait < 20; wait++) {
    const listbox = await input.getAttribute('aria-controls');
    if (listbox) return listbox;
    await input.page().waitForTimeout(100);
  }
  return undefined;
}
