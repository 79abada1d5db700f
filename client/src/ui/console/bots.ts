import {
  BOT_LEVEL_NAMES,
  BOT_LEVELS,
  type BotLevel,
  playedByServer,
} from '../../../../shared/model/botLevels.ts';
import { plural } from '../format.ts';
import { DELEGATION_NAMES, DELEGATIONS, type Delegation } from '../../../../shared/model/seats.ts';
import type { SessionView } from '../../net/view.ts';
import { h, syncRows } from '../dom.ts';
import type { ConsoleContext, Panel } from './context.ts';

/** What the console says of who plays a delegation: "Played by the server (standard)", "2 students connected". */
export function playedBy(view: SessionView, d: Delegation): string {
  const bot = view.teams[d]?.bot;
  if (bot) return playedByServer(bot);
  const here = Object.values(view.members).filter((m) => m.seat === d && m.status === 'connected').length;
  return here === 0 ? 'No student connected' : `${plural(here, 'student')} connected`;
}

/**
 * Seat a bot: for each delegation, who plays it now, a level and a button to let the server play it (or change
 * its level), and one to take the bot off. The rules refuse a bot where a student is connected, in words the
 * status line shows; a student sitting down there takes the delegation back.
 */
export function botsPanel(ctx: ConsoleContext): Panel {
  const rows = h('div', { class: 'bot-rows' });
  const root = h(
    'section',
    { class: 'card bots-card', 'aria-labelledby': 'bots-title' },
    h('h2', { id: 'bots-title' }, 'Delegations the server plays'),
    h(
      'p',
      { class: 'hint' },
      'Seat a bot at a delegation no student is at (or whose students are away). A student who sits there takes it back.',
    ),
    rows,
  );
  const row = (view: SessionView, d: Delegation) => {
    const bot = view.teams[d]?.bot;
    const level = h(
      'select',
      { id: `bot-level-${d}`, 'aria-label': `Bot level for ${DELEGATION_NAMES[d]}` },
      ...BOT_LEVELS.map((l) =>
        h('option', { value: l, selected: l === (bot ?? 'standard') }, BOT_LEVEL_NAMES[l]),
      ),
    );
    const seat = h(
      'button',
      {
        type: 'button',
        id: `seat-bot-${d}`,
        onclick: () => {
          const chosen = level.value as BotLevel;
          void ctx.send(
            'seatBot',
            { delegation: d, level: chosen },
            `The server now plays ${DELEGATION_NAMES[d]} (${BOT_LEVEL_NAMES[chosen]}).`,
          );
        },
      },
      bot ? 'Change level' : 'Seat a bot',
    );
    const unseat = bot
      ? h(
          'button',
          {
            type: 'button',
            id: `unseat-bot-${d}`,
            onclick: () =>
              void ctx.send(
                'unseatBot',
                { delegation: d },
                `The server no longer plays ${DELEGATION_NAMES[d]}.`,
              ),
          },
          'Unseat the bot',
        )
      : undefined;
    return h(
      'div',
      { class: `bot-row seat-${d}` },
      h('strong', {}, DELEGATION_NAMES[d]),
      h('span', { class: 'played-by', id: `played-by-${d}` }, ` ${playedBy(view, d)} `),
      level,
      seat,
      unseat,
    );
  };
  return {
    root,
    update(view) {
      root.hidden = view.stage === 'ended';
      syncRows(
        rows,
        DELEGATIONS,
        (d) => d,
        (d) => JSON.stringify([view.teams[d]?.bot, playedBy(view, d)]),
        (d) => row(view, d),
      );
    },
  };
}
