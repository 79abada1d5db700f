import { pairName } from '../../../../shared/content/labels.ts';
import { DELEGATIONS, type Delegation } from '../../../../shared/model/seats.ts';
import { messageLog } from '../chat.ts';
import { h } from '../dom.ts';
import type { ConsoleContext, Panel } from './context.ts';

const PAIRS = ['us-china', 'us-russia', 'china-russia'] as const;
const PAIR_NAMES = Object.fromEntries(
  PAIRS.map((p) => [p, pairName(...(p.split('-') as [Delegation, Delegation]))]),
) as Record<(typeof PAIRS)[number], string>;

/** Every conversation, read-only, in one grid; and the teacher's announcements on the CD floor. */
export function talksPanel(ctx: ConsoleContext): Panel {
  const logs = {
    floor: messageLog('CD floor', 'console-floor'),
    us: messageLog('US team chat', 'console-chat-us'),
    china: messageLog('China team chat', 'console-chat-china'),
    russia: messageLog('Russia team chat', 'console-chat-russia'),
    'us-china': messageLog('US–China channel', 'console-channel-us-china'),
    'us-russia': messageLog('US–Russia channel', 'console-channel-us-russia'),
    'china-russia': messageLog('China–Russia channel', 'console-channel-china-russia'),
  };
  // Each log scrolls on its own: its list takes the keyboard focus, so it can be scrolled without a mouse.
  for (const log of Object.values(logs)) log.root.querySelector('ol')?.setAttribute('tabindex', '0');
  const announce = h('input', {
    id: 'announce-text',
    maxlength: 500,
    autocomplete: 'off',
    'aria-label': 'Announcement to the class',
    placeholder: 'An announcement on the CD floor',
  });
  const channelStatus = h('p', { class: 'hint', id: 'channel-status' });
  const root = h(
    'section',
    { class: 'card talks', 'aria-labelledby': 'talks-title' },
    h(
      'div',
      { class: 'row spread' },
      h('h2', { id: 'talks-title' }, 'Talks (you read every channel)'),
      h(
        'form',
        {
          class: 'row announce',
          onsubmit: async (e: Event) => {
            e.preventDefault();
            if (await ctx.send('announce', { text: announce.value }, 'Announced on the floor.'))
              announce.value = '';
          },
        },
        announce,
        h('button', { type: 'submit', id: 'announce-send' }, 'Announce on the floor'),
      ),
    ),
    channelStatus,
    h(
      'div',
      { class: 'talk-grid' },
      ...Object.entries(logs).map(([key, log]) =>
        h(
          'div',
          { class: `talk talk-${key}` },
          h('h3', {}, log.root.getAttribute('aria-label') ?? key),
          log.root,
        ),
      ),
    ),
  );
  return {
    root,
    update(view) {
      logs.floor.update(view.floor);
      for (const d of DELEGATIONS) logs[d].update(view.teams[d]?.chat ?? []);
      for (const pair of PAIRS) logs[pair].update(view.channels[pair]?.messages ?? []);
      channelStatus.textContent = `Channels: ${PAIRS.map(
        (p) => `${PAIR_NAMES[p]} ${view.channels[p]?.status ?? 'closed'}`,
      ).join('; ')}.`;
    },
  };
}
