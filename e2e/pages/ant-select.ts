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
  const shown = select.filter({ hasText: option });
  // Under load a select may not open when the click lands while the page still renders (the input
  // then names no listbox), its opening may stop half-way in its motion (the option found but
  // never visible and stable), or a click on an option may not pick it (a re-render of the target
  // dialog closing the dropdown; the dropdown still moving between press and release, which only
  // highlights the option). Each attempt must end with the select showing the option; otherwise
  // close it and try again, a few times.
  for (let attempt = 1; ; attempt++) {
    const last = attempt === 3;
    const timeout = last ? 30_000 : 5_000;
    const failed = (error: unknown): false => {
      if (last) throw error;
      return false;
    };
    await input.click();
    const listbox = await openedListbox(input);
    if (!listbox && last) throw new Error(`the select for ${option} does not open`);
    if (listbox) {
      const picked = await optionsOf(page, listbox)
        .filter({ hasText: new RegExp(match === 'whole' ? `^${escaped}$` : escaped) })
        .click({ timeout })
        .then(() => true, failed);
      if (picked && (await shown.waitFor({ timeout }).then(() => true, failed))) return;
    }
    // Escape only on an open dropdown: on a closed one it would close the dialog around the select.
    if ((await input.getAttribute('aria-expanded')) === 'true') await page.keyboard.press('Escape');
    // A pick shown only now counts: clicking the option of a multiple select again would undo it.
    if (await shown.isVisible()) return;
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
    if ((await input.getAttribute('aria-expanded')) === 'true') await page.keyboard.press('Escape');
  }
}
