/**
 * A whole class plays two rounds in real browsers: the teacher's console, the projector board and three
 * delegations of two students (some on phones). They talk in their teams, the United States and China open a
 * channel and talk in it, Russia speaks on the CD floor (which the board shows), the teacher announces, a member
 * drafts the orders and the head confirms them. Russia's pages and the board never receive the channel's words.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { classroom, SHOTS } from './classroom.ts';

/** Polls with room to spare: eight pages share two cores, and the machine may be busy with other work. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 150 });

type Seat = 'us' | 'china' | 'russia';
interface Student {
  nick: string;
  seat: Seat;
  n: number; // 1 for the head (the first to sit), 2 for the teammate
  page: Page;
}

describe('a class plays two rounds with talks in real browsers', () => {
  const room = classroom();
  /** Every WebSocket frame each page received, to prove some text never reached it. */
  const frames = new Map<Page, Buffer[]>();

  async function newPage(width: number, height: number): Promise<Page> {
    // Reduced motion: the scenes skip their animations, so eight pages leave the CPU to the test.
    // Eight pages would draw their scenes with WebGL in software, on one GPU process that takes a whole core.
    // This test is about talks: the scenes use Phaser's canvas renderer at a few frames a second, which costs
    // a tenth as much and leaves the cores to the server and the pages' own updates.
    const page = await room.newPage(width, height, {
      reducedMotion: true,
      initScript: () => {
        const getContext = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (
          this: HTMLCanvasElement,
          type: string,
          ...rest: []
        ) {
          return /webgl/.test(type) ? null : getContext.call(this, type as '2d', ...rest);
        } as typeof getContext;
        window.requestAnimationFrame = (cb) => window.setTimeout(() => cb(performance.now()), 200);
        window.cancelAnimationFrame = (id) => window.clearTimeout(id);
      },
    });
    const received: Buffer[] = [];
    frames.set(page, received);
    page.on('websocket', (ws) =>
      ws.on('framereceived', (f) => received.push(Buffer.from(f.payload as string | Buffer))),
    );
    return page;
  }

  const receivedBytes = (page: Page, text: string) =>
    (frames.get(page) ?? []).some((f) => f.includes(Buffer.from(text, 'utf8')));
  const bodyText = async (page: Page) => (await page.locator('body').textContent()) ?? '';
  const messages = (page: Page, list = '#chat-messages') =>
    page.locator(`${list} li .text`).allTextContents();

  /** The id of the element that has the keyboard focus. */
  const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

  /** Opens a conversation tab and says something there, with the form's own controls. */
  async function say(page: Page, tab: 'team' | 'floor' | Seat, text: string) {
    await page.locator(`#chat-tab-${tab}`).click();
    await poll(() => page.locator(`#chat-tab-${tab}`).getAttribute('aria-pressed')).toBe('true');
    const input = page.locator('#chat-input');
    await poll(() => input.isEnabled()).toBe(true);
    await input.fill(text);
    await page.locator('#chat-send').click();
    await poll(() => input.inputValue()).toBe('');
    await poll(() => messages(page)).toContain(text);
  }

  /** Adds an order through the order form (a select and its fields, then the button). */
  async function addOrder(page: Page, kind: string, fields: Record<string, string> = {}) {
    const before = await page.locator('#orders-list li:not(.empty)').count();
    await page.locator('#order-kind').selectOption(kind);
    for (const [name, value] of Object.entries(fields)) {
      const field = page.locator(`#order-field-${name}`);
      if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
      else await field.fill(value);
    }
    await page.locator('#add-order').click();
    await poll(() => page.locator('#orders-list li:not(.empty)').count()).toBe(before + 1);
  }

  async function advance(teacher: Page, board: Page, expected: string) {
    await teacher.locator('#advance-phase').click();
    await poll(() => board.locator('#board-stage').textContent()).toContain(expected);
  }

  async function noSeriousViolations(name: string, page: Page) {
    const result = await new AxeBuilder({ page }).analyze();
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      serious.map((v) => `${name}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  }

  it('teams talk, two delegations open a channel, Russia speaks on the floor, the heads confirm, twice', async () => {
    // The teacher hosts with timers off, so the test moves the phases.
    const teacher = await newPage(1366, 900);
    await teacher.goto(`${room.server.url}/#/host`);
    await poll(() => teacher.locator('#setup-scenario option').count()).toBeGreaterThan(1);
    await teacher.locator('#setup-timers').uncheck();
    await teacher.getByRole('button', { name: 'Create session' }).click();
    await teacher.locator('#console-code').waitFor();
    const code = ((await teacher.locator('#console-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[34679ACDEFGHJKMNPQRTWXY]{6}$/);

    const board = await newPage(1280, 720);
    await board.goto(`${room.server.url}/#/board/${code}`);
    await poll(() => board.locator('#board-code').textContent()).toBe(code);

    // Six students: the first at each desk is its head; three of them on phones.
    const students: Student[] = [];
    for (const [nick, seat, n, width, height] of [
      ['Ana', 'us', 1, 1366, 768],
      ['Wei', 'china', 1, 390, 844],
      ['Sasha', 'russia', 1, 1280, 800],
      ['Al', 'us', 2, 390, 844],
      ['Li', 'china', 2, 1366, 768],
      ['Olga', 'russia', 2, 390, 844],
    ] as const) {
      const page = await newPage(width, height);
      await page.goto(`${room.server.url}/#/join/${code}`);
      await page.getByLabel('Nickname').fill(nick);
      await page.getByRole('button', { name: 'Join the session' }).click();
      await page.locator(`#choose-${seat}`).click();
      await poll(() => page.locator('#student-who').textContent()).toContain(nick);
      students.push({ nick, seat, n, page });
    }
    const pageOf = (nick: string) => {
      const s = students.find((x) => x.nick === nick);
      if (!s) throw new Error(`no student ${nick}`);
      return s.page;
    };
    const [ana, wei, sasha, al, li, olga] = ['Ana', 'Wei', 'Sasha', 'Al', 'Li', 'Olga'].map(pageOf) as [
      Page,
      Page,
      Page,
      Page,
      Page,
      Page,
    ];

    // Roles follow the order of sitting down: the head speaks for the team, and the teammate holds the rest.
    await poll(() => ana.locator('#student-who').textContent()).toContain('Head of delegation, Spokesperson');
    await poll(() => al.locator('#student-who').textContent()).toContain(
      'Diplomat, Legal adviser, Space commander, Analyst',
    );

    await teacher.locator('#start-session').click();
    await poll(() => board.locator('#board-stage').textContent()).toContain('Briefing');
    // The talks panel shows once the session runs; the board and the console show the floor.
    for (const s of students) await s.page.locator('#chat-messages').waitFor({ state: 'visible' });
    await advance(teacher, board, 'Negotiation');

    // --- Round 1 ---
    // Team chat: Al writes from a phone; Ana answers by keyboard alone.
    const usTeam = 'Al: let us table a code of conduct before anything else.';
    await say(al, 'team', usTeam);
    await poll(() => messages(ana)).toContain(usTeam);
    expect(await ana.locator('#chat-messages li', { hasText: usTeam }).locator('.who').textContent()).toBe(
      'Al (United States)',
    );
    await poll(() => messages(teacher, '#console-chat-us')).toContain(usTeam);
    const usReply = 'Ana: agreed, and I will ask China for a channel.';
    await ana.locator('#chat-input').focus();
    await ana.keyboard.type(usReply);
    await ana.keyboard.press('Tab');
    expect(await focused(ana)).toBe('chat-send');
    await ana.keyboard.press('Enter');
    await poll(() => messages(al)).toContain(usReply);
    const chinaTeam = 'Li: we keep the PPWT on the table.';
    await say(li, 'team', chinaTeam);
    await poll(() => messages(wei)).toContain(chinaTeam);
    await poll(() => messages(teacher, '#console-chat-china')).toContain(chinaTeam);
    for (const page of [wei, li, sasha, olga, board]) expect(await bodyText(page)).not.toContain(usTeam);
    for (const page of [ana, al, sasha, olga, board]) expect(await bodyText(page)).not.toContain(chinaTeam);

    // A bilateral channel: the US asks (a button reached by keyboard), China accepts.
    await ana.locator('#chat-tab-china').click();
    const requestButton = ana.locator('#channel-request');
    await requestButton.focus();
    await ana.keyboard.press('Enter');
    await poll(() => ana.locator('#chat-status').textContent()).toBe('Asked China to talk.');
    // The request button is gone ("Waiting for China to accept."): the focus stays on the conversation's tab.
    await poll(() => ana.locator('#chat-tab-china').textContent()).toBe('With China');
    await poll(() => focused(ana)).toBe('chat-tab-china');
    await poll(() => wei.locator('#chat-tab-us').textContent()).toContain('(asks to talk)');
    await poll(() => teacher.locator('#channel-status').textContent()).toContain('US–China requested');
    expect(await ana.locator('#chat-input').isDisabled()).toBe(true);
    await wei.locator('#chat-tab-us').click();
    await wei.locator('#channel-accept').focus();
    await wei.keyboard.press('Enter');
    await poll(() => wei.locator('#chat-status').textContent()).toBe('Channel with the United States open.');
    // Accepted: the focus moves on to the message box, now open.
    await poll(() => focused(wei)).toBe('chat-input');
    await poll(() => ana.locator('#chat-tab-china').textContent()).toContain('(open)');
    await poll(() => teacher.locator('#channel-status').textContent()).toContain('US–China open');

    const usToChina = 'US to China: a moratorium on debris-making tests, just between us?';
    const chinaToUs = 'China to US: only if it binds Russia too, in time.';
    await say(ana, 'china', usToChina);
    await poll(() => messages(wei)).toContain(usToChina);
    await say(wei, 'us', chinaToUs);
    await poll(() => messages(ana)).toEqual([usToChina, chinaToUs]);
    // Teammates on both sides read the channel; so does the teacher.
    await li.locator('#chat-tab-us').click();
    await poll(() => messages(li)).toEqual([usToChina, chinaToUs]);
    await al.locator('#chat-tab-china').click();
    await poll(() => messages(al)).toEqual([usToChina, chinaToUs]);
    await poll(() => messages(teacher, '#console-channel-us-china')).toEqual([usToChina, chinaToUs]);

    // Russia sees both of its own channels closed, and none of the US–China words.
    await sasha.locator('#chat-tab-us').click();
    await poll(() => sasha.locator('#channel-request').textContent()).toBe(
      'Ask the United States for a channel',
    );
    await sasha.locator('#chat-tab-china').click();
    await poll(() => sasha.locator('#channel-request').textContent()).toBe('Ask China for a channel');

    // The CD floor: Russia speaks in public; the board shows it; the teacher announces.
    const statement = 'Russia: we call on all states to join the PPWT without delay.';
    await say(sasha, 'floor', statement);
    await poll(() => messages(board, '#board-floor')).toContain(statement);
    expect(await board.locator('#board-floor li', { hasText: statement }).locator('.who').textContent()).toBe(
      'Sasha (Russia)',
    );
    await poll(() => messages(teacher, '#console-floor')).toContain(statement);
    await olga.locator('#chat-tab-floor').click();
    await poll(() => messages(olga)).toContain(statement);
    const announcement = 'Three minutes left to negotiate.';
    await teacher.locator('#console-tab-talks').click();
    await teacher.locator('#announce-text').fill(announcement);
    await teacher.locator('#announce-send').click();
    await poll(() => messages(board, '#board-floor')).toEqual([statement, announcement]);
    expect(await board.locator('#board-floor li').last().locator('.who').textContent()).toBe('Teacher');
    await poll(() => messages(olga)).toEqual([statement, announcement]);

    // Orders: a teammate drafts them; the head sees the same list and confirms it.
    await addOrder(al, 'statement', { stance: 'restraint', text: 'We seek no arms race in orbit.' });
    await addOrder(li, 'summit', { with: 'russia' });
    await addOrder(olga, 'summit', { with: 'china' });
    for (const page of [ana, wei, sasha])
      await poll(() => page.locator('#orders-list li:not(.empty)').count()).toBe(1);
    await advance(teacher, board, 'Orders');
    // Only the head is offered the button.
    for (const page of [al, li, olga]) expect(await page.locator('#submit-orders').isHidden()).toBe(true);
    for (const page of [ana, wei, sasha]) {
      await page.locator('#submit-orders').click();
      await poll(() => page.locator('#submit-orders').textContent()).toBe('Orders confirmed');
    }
    // Olga changes Russia's orders after Sasha confirmed: the head, the team and the teacher are told at once.
    await addOrder(olga, 'statement', { stance: 'restraint', text: 'Russia welcomes every summit.' });
    await poll(() => sasha.locator('#orders-withdrawn').textContent()).toBe(
      'Your orders changed (by Olga) after Sasha confirmed them: confirm again.',
    );
    await poll(() => sasha.locator('#student-status').textContent()).toContain('confirm again');
    await poll(() => olga.locator('#orders-withdrawn').isVisible()).toBe(true);
    await poll(() => teacher.locator('.desk.seat-russia .warning').textContent()).toContain(
      'Russia has not confirmed its orders: its orders changed (by Olga) after Sasha confirmed them.',
    );
    await sasha.locator('#submit-orders').click();
    await poll(() => sasha.locator('#submit-orders').textContent()).toBe('Orders confirmed');
    await poll(() => sasha.locator('#orders-withdrawn').isHidden()).toBe(true);
    await poll(() => teacher.locator('.desk.seat-russia .warning').count()).toBe(0);
    for (const seat of ['us', 'china', 'russia'])
      await poll(() => board.locator(`.seating .seat-${seat}`).textContent()).toContain('orders in');
    await advance(teacher, board, 'Resolution');
    await poll(() => board.locator('#last-round-title').textContent()).toContain('round 1');
    await poll(() => board.locator('.last-round .story').textContent()).toContain(
      'China and Russia held a summit',
    );
    await advance(teacher, board, 'Round debrief');

    // --- Round 2 ---
    await advance(teacher, board, 'Briefing');
    await poll(() => board.locator('#board-stage').textContent()).toContain('Round 2');
    await advance(teacher, board, 'Negotiation');
    // The channel stays open from one round to the next.
    const secondRound = 'US to China, round 2: can we draft the moratorium text together?';
    await say(ana, 'china', secondRound);
    await poll(() => messages(wei)).toContain(secondRound);
    const russiaTeam = 'Olga: they are talking without us; ask China for a channel.';
    await say(olga, 'team', russiaTeam);
    await poll(() => messages(teacher, '#console-chat-russia')).toContain(russiaTeam);
    await sasha.locator('#chat-tab-team').click();
    await poll(() => messages(sasha)).toContain(russiaTeam);
    // This round, the heads draft and confirm.
    await addOrder(ana, 'launchSatellites', { regime: 'leo', count: '1' });
    await addOrder(wei, 'workingPaper', { topic: 'definitions' });
    await addOrder(sasha, 'statement', { stance: 'restraint', text: 'Russia stands for the PPWT.' });
    await advance(teacher, board, 'Orders');
    for (const page of [ana, wei, sasha]) {
      await page.locator('#submit-orders').click();
      await poll(() => page.locator('#submit-orders').textContent()).toBe('Orders confirmed');
    }
    await advance(teacher, board, 'Resolution');
    await poll(() => board.locator('#last-round-title').textContent()).toContain('round 2');

    // What each screen shows at the end.
    await poll(() => messages(teacher, '#console-channel-us-china')).toEqual([
      usToChina,
      chinaToUs,
      secondRound,
    ]);
    expect(await messages(teacher, '#console-chat-us')).toEqual([usTeam, usReply]);
    expect(await messages(board, '#board-floor')).toEqual([statement, announcement]);
    for (const s of students)
      await poll(() => s.page.locator('#student-stage').textContent()).toContain('Resolution');

    // Russia's pages and the board never showed, nor received, a word of the US–China channel or a team chat.
    const channelWords = [usToChina, chinaToUs, secondRound];
    for (const page of [sasha, olga, board]) {
      const text = await bodyText(page);
      for (const words of [...channelWords, usTeam, usReply, chinaTeam]) {
        expect(text).not.toContain(words);
        expect(receivedBytes(page, words), words).toBe(false);
      }
    }
    for (const page of [ana, al, wei, li, teacher]) expect(receivedBytes(page, usToChina)).toBe(true);
    expect(receivedBytes(board, statement)).toBe(true);

    await teacher.screenshot({ path: `${SHOTS}/class-console.png`, fullPage: true });
    await board.screenshot({ path: `${SHOTS}/class-board.png`, fullPage: true });
    for (const s of students)
      await s.page.screenshot({ path: `${SHOTS}/class-student-${s.seat}-${s.n}.png`, fullPage: true });

    await noSeriousViolations('console', teacher);
    await noSeriousViolations('board', board);
    await noSeriousViolations('student', al);
  });
});
