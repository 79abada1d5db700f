import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readContent } from '../../server/content.ts';
import { classroom, SHOTS } from './classroom.ts';

/** Polls with room to spare: the pages run Phaser and the machine may be busy with other work. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 100 });
const content = readContent('content');
const campaign = content.scenarios.find((s) => s.id === 'campaign');
const cardOf = (id: string) => {
  const card = content.cards.find((c) => c.id === id);
  if (!card) throw new Error(`no card ${id}`);
  return card;
};
/** The campaign's first round, as the class should read it. */
const ROUND_1 = (campaign?.rounds[0]?.cards ?? []).map(cardOf);
const DECK_CARD = cardOf('x06-us-asat-test-moratorium');
const MY_CARD = {
  title: 'A solar storm blinds satellites',
  text: 'A strong solar storm knocks out several satellites in low orbit for a day.',
};

/** The address the server is told students open (a documentation address: nothing listens there). */
const PUBLIC_URL = 'http://192.0.2.10:2567';

describe('event cards in real browsers', () => {
  const room = classroom({ PUBLIC_URL });

  /** The id of the element that has the keyboard focus. */
  const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
  /** Moves the focus on with Tab and checks where it lands: the control is reachable by keyboard. */
  async function tabTo(page: Page, id: string) {
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe(id);
  }

  /** The round's cards as text: title, date and source line in each article. */
  async function expectRoundCards(panel: Locator) {
    const articles = panel.locator('.current-cards article.event-card');
    await poll(() => articles.count()).toBe(ROUND_1.length);
    for (const [i, card] of ROUND_1.entries()) {
      const article = articles.nth(i);
      expect(await article.locator('h3').textContent()).toBe(card.title);
      expect(await article.locator('.card-meta').textContent()).toMatch(new RegExp(`^${card.date} · `));
      const source = (await article.locator('.source').textContent()) ?? '';
      expect(source).toMatch(/^Source: .* · checked against the record: /);
      for (const ref of [...card.source.paper, ...card.source.documents]) expect(source).toContain(ref);
      expect(source.includes('(not in the paper)')).toBe(!card.source.inPaper);
      expect(await article.getAttribute('aria-label')).toBe(`Event card: ${card.title}`);
    }
  }

  async function noSeriousViolations(name: string, page: Page) {
    const result = await new AxeBuilder({ page }).analyze();
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      serious.map((v) => `${name}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  }

  it('the class reads the round’s cards; the teacher plays a deck card and one of their own; students reopen them', async () => {
    expect(ROUND_1.length).toBeGreaterThan(0);
    const teacher = await room.newPage();
    await teacher.goto(`${room.server.url}/#/host`);
    await poll(() => teacher.locator('#setup-scenario option').count()).toBeGreaterThan(1);
    await teacher.locator('#setup-scenario').selectOption('campaign');
    await teacher.locator('#setup-timers').uncheck();
    await teacher.getByRole('button', { name: 'Create session' }).click();
    const code = ((await teacher.locator('#console-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[34679ACDEFGHJKMNPQRTWXY]{6}$/);

    const board = await room.newPage(1280, 720);
    await board.goto(`${room.server.url}/#/board/${code}`);
    await poll(() => board.locator('#board-code').textContent()).toBe(code);
    // The teacher's browser is on 127.0.0.1, which no student device reaches: the board shows PUBLIC_URL.
    await poll(() => board.locator('#board-url').textContent()).toBe('192.0.2.10:2567');
    expect(await board.locator('.join-panel .qr').getAttribute('aria-label')).toBe(
      `QR code for ${PUBLIC_URL}/#/join/${code}`,
    );

    const students: Record<string, Page> = {};
    for (const [nick, seat, width, height] of [
      ['Ana', 'us', 1366, 768],
      ['Wei', 'china', 390, 844], // a phone
    ] as const) {
      const page = await room.newPage(width, height);
      await page.goto(`${room.server.url}/#/join/${code}`);
      await page.getByLabel('Nickname').fill(nick);
      await page.getByRole('button', { name: 'Join the session' }).click();
      await page.locator(`#choose-${seat}`).click();
      await poll(() => page.locator('#student-who').textContent()).toContain(nick);
      students[seat] = page;
    }
    const ana = students.us as Page;
    const wei = students.china as Page;

    // Before the start there is no card to show, and no inject panel.
    expect(await board.locator('.cards-panel').isHidden()).toBe(true);
    expect(await teacher.locator('section.inject').isHidden()).toBe(true);

    await teacher.locator('#start-session').click();
    await poll(() => board.locator('#board-stage').textContent()).toContain('Briefing');

    // The board and each student read the round's cards as text; the canvas with the card reveal has started.
    for (const page of [board, ana, wei]) {
      const panel = page.locator('.cards-panel');
      await panel.waitFor({ state: 'visible' });
      await expectRoundCards(panel);
      await page.locator('.table-canvas[data-ready="true"] canvas').waitFor({ timeout: 30_000 });
      // Teacher notes never reach the class.
      for (const card of ROUND_1)
        expect(await page.locator('body').textContent()).not.toContain(card.teacherNotes);
    }
    // The teacher reads the notes with each card.
    await poll(() => teacher.locator('.cards-panel .notes').count()).toBe(ROUND_1.length);
    // A student reads the decision prompt for their own delegation only.
    const usPrompts = ROUND_1.flatMap((c) => c.prompts).filter((p) => p.delegation === 'us');
    const usText = (await ana.locator('.cards-panel .current-cards').textContent()) ?? '';
    for (const p of usPrompts) expect(usText).toContain(p.question);
    for (const p of ROUND_1.flatMap((c) => c.prompts).filter((x) => x.delegation !== 'us'))
      expect(usText).not.toContain(p.question);

    await board.waitForTimeout(900); // the reveal slides in over 0.7 s: let it settle for the picture
    await board.screenshot({ path: `${SHOTS}/board-card.png`, fullPage: true });
    await ana.screenshot({ path: `${SHOTS}/student-card.png`, fullPage: true });

    // The teacher plays a deck card from the console, by keyboard.
    const deck = teacher.locator('#inject-deck');
    await teacher.locator('#console-tab-cards').click();
    await teacher.locator('section.inject').waitFor({ state: 'visible' });
    await poll(() => deck.locator('option').count()).toBe(content.cards.length);
    await deck.focus();
    await deck.selectOption(DECK_CARD.id);
    await tabTo(teacher, 'inject-deck-play');
    await teacher.keyboard.press('Enter');
    await poll(() => teacher.locator('#inject-status').textContent()).toBe(
      'Card played: everyone sees it now.',
    );

    // Playing it again is refused in words.
    await teacher.locator('#inject-deck-play').focus();
    await teacher.keyboard.press('Enter');
    await poll(() => teacher.locator('#inject-status').textContent()).toBe(
      `"${DECK_CARD.title}" has already been played in this session.`,
    );

    // Then writes a card of their own, every field reached with Tab.
    await teacher.locator('#custom-title').focus();
    await teacher.keyboard.type(MY_CARD.title);
    await tabTo(teacher, 'custom-text');
    await teacher.keyboard.type(MY_CARD.text);
    await tabTo(teacher, 'custom-arena');
    await teacher.locator('#custom-arena').selectOption('orbit');
    await tabTo(teacher, 'custom-add-effect');
    await teacher.keyboard.press('Enter');
    const kind = teacher.getByLabel('Effect 1: what it changes');
    await kind.waitFor();
    await kind.selectOption('debris');
    await teacher.getByLabel('Effect 1: change (from −20 to 20)').fill('3');
    await teacher.locator('#custom-add-effect').focus();
    await teacher.keyboard.press('Enter');
    await teacher.getByLabel('Effect 2: what it changes').selectOption('prestige');
    await teacher.getByLabel('Effect 2: delegation').selectOption('china');
    await teacher.getByLabel('Effect 2: change (from −20 to 20)').fill('-2');
    await teacher.locator('#custom-add-effect').focus();
    await tabTo(teacher, 'custom-play');
    await teacher.screenshot({ path: `${SHOTS}/teacher-inject.png`, fullPage: true });
    await teacher.keyboard.press('Enter');
    await poll(() => teacher.locator('#inject-status').textContent()).toBe(
      'Your card is played: everyone sees it now.',
    );
    expect(await teacher.locator('#custom-title').inputValue()).toBe('');

    // Students see both cards in the timeline strip, and open one in the dialog.
    for (const page of [ana, wei, board]) {
      const strip = page.locator('.timeline-strip');
      await poll(() => strip.locator('li').count()).toBe(ROUND_1.length + 2);
      const items = (await strip.locator('button').allTextContents()).map((t) => t.trim());
      expect(items).toContain(`${DECK_CARD.date.slice(0, 4)} · ${DECK_CARD.title}`);
      expect(items).toContain(`2015 · ${MY_CARD.title}`);
      // Both are this round's: they join the round's cards, marked as played by the teacher.
      await poll(() => page.locator('.current-cards .card-meta').allTextContents()).toEqual(
        expect.arrayContaining([expect.stringContaining('played by the teacher')]),
      );
    }
    const dialog = ana.locator('dialog.card-dialog');
    const deckButton = ana.locator('.timeline-strip button', { hasText: DECK_CARD.title });
    await deckButton.focus();
    await ana.keyboard.press('Enter');
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.locator('h3').textContent()).toBe(DECK_CARD.title);
    expect(await dialog.locator('.card-meta').textContent()).toContain(DECK_CARD.date);
    expect(await dialog.locator('.source').textContent()).toContain('(not in the paper)');
    expect(await dialog.locator('.debrief-q').textContent()).toContain(DECK_CARD.debrief);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const mine = wei.locator('.timeline-strip button', { hasText: MY_CARD.title });
    await mine.click();
    const weiDialog = wei.locator('dialog.card-dialog');
    await weiDialog.waitFor({ state: 'visible' });
    expect(await weiDialog.locator('h3').textContent()).toBe(MY_CARD.title);
    expect(await weiDialog.locator('.source').textContent()).toBe('Written by the teacher for this session.');
    await wei.keyboard.press('Escape');
    await weiDialog.waitFor({ state: 'hidden' });

    // No serious or critical accessibility violations with the cards showing.
    await noSeriousViolations('console', teacher);
    await noSeriousViolations('board', board);
    await noSeriousViolations('student', ana);
    await deckButton.click();
    await dialog.waitFor({ state: 'visible' });
    await noSeriousViolations('student dialog', ana);
  });
});
