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
  const select = input.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]');
  // The first opening of a select can stop half-way in its motion (the option found but never
  // visible and stable), not open at all when the click lands while the page still renders (the
  // input then names no listbox), or take a click on an option of a dropdown that a re-render is
  // closing (the select then never shows it): close it and try again, a few times, before giving up.
  for (let attempt = 1; ; attempt++) {
    const last = attempt === 3;
    const timeout = last ? 30_000 : 5_000;
    await input.click();
    const listbox = await openedListbox(input);
    if (!listbox) {
      if (last) throw new Error(`the select for ${option} does not open`);
      await page.keyboard.press('Escape');
      continue;
    }
    const picked = optionsOf(page, listbox)
      .filter({ hasText: new RegExp(match === 'whole' ? `^${escaped}$` : escaped) })
      .click({ timeout })
      .then(() => select.filter({ hasText: option }).waitFor({ timeout }));
    if (last) return picked;
    if (
      await picked.then(
        () => true,
        () => false,
      )
    )
      return;
    await page.keyboard.press('Escape');
  }
}

/**
 * The id of the listbox an opened select names in aria-controls, waiting a while for it to open:
 * @rc-component/select sets aria-expanded and aria-controls only once the open state has rendered,
 * which on a loaded machine is well after the click.
 */
async function openedListbox(input: Locator): Promise<string | undefined> {
  const opened = input.and(input.page().locator('[aria-expanded="true"][aria-controls]'));
  const open = await opened.waitFor({ timeout: 5_000 }).then(
    () => true,
    () => false,
  );
  if (!open) return undefined;
  return (await input.getAttribute('aria-controls')) ?? undefined;
}

/** The options of the opened dropdown whose listbox is `listbox`. */
function optionsOf(page: Page, listbox: string): Locator {
  return page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)', {
      has: page.locator(`[id="${listbox}"]`),
    })
    .locator('.ant-select-item-option');
}

/**
 * Opens the antd select whose input is `input` (clicking again when the first click lands while
 * the page still renders) and answers the options of its own dropdown.
 */
export async function openOptions(page: Page, input: Locator): Promise<Locator> {
  for (let attempt = 1; ; attempt++) {
    await input.click();
    const listbox = await openedListbox(input);
    if (listbox) return optionsOf(page, listbox);
    if (attempt === 3) throw new Error('the select does not open');
    await page.keyboard.press('Escape');
  }
}
