import {
  CONTROL_NAMES,
  channelTabName,
  DELEGATION_IN_FULL,
  opening,
} from '../../../shared/content/labels.ts';
import { DELEGATION_NAMES, DELEGATIONS, type Delegation, isDelegation } from '../../../shared/model/seats.ts';
import { MESSAGE_MAX_LENGTH, pairOf } from '../../../shared/session/chat.ts';
import type { SendResult } from '../net/connection.ts';
import type { MessageView, SessionView } from '../net/view.ts';
import { fill, h, notice } from './dom.ts';

type Tab = 'team' | 'floor' | Delegation;

/** One message as a list item: who, from which seat, and the text, always as text. */
function messageItem(m: MessageView, meId?: string) {
  const who =
    m.seat === 'teacher'
      ? 'Teacher'
      : `${m.nickname} (${isDelegation(m.seat) ? DELEGATION_NAMES[m.seat] : m.seat})`;
  return h(
    'li',
    { class: `message seat-${m.seat}${m.from === meId ? ' mine' : ''}` },
    h('span', { class: 'who' }, who),
    ': ',
    h('span', { class: 'text' }, m.text),
  );
}

/** A message list that only grows: new messages are appended and announced politely to screen readers. */
export function messageLog(label: string, id: string) {
  // The live region wraps the list: a role on the <ol> itself would leave its items outside any list.
  const list = h('ol', { class: 'messages' });
  const root = h('div', { role: 'log', 'aria-live': 'polite', 'aria-label': label, id }, list);
  let shown = '';
  return {
    root,
    update(messages: readonly MessageView[], meId?: string) {
      const key = `${messages[0]?.id ?? 0}:${messages.at(-1)?.id ?? 0}:${messages.length}`;
      if (key === shown) return;
      shown = key;
      fill(
        list,
        ...(messages.length
          ? messages.map((m) => messageItem(m, meId))
          : [h('li', { class: 'empty' }, 'No messages yet.')]),
      );
      list.scrollTop = list.scrollHeight;
    },
  };
}

/**
 * A delegation's conversations: its team, the CD floor (public, on the projector), and a channel with each
 * other delegation, opened when both sides agree. Messages are plain text; sending is refused in words
 * (muted, channel closed, too fast).
 */
export function chatPanel(
  send: (
    type: 'sendMessage' | 'requestChannel' | 'acceptChannel' | 'closeChannel',
    payload: never,
  ) => Promise<SendResult>,
) {
  let tab: Tab = 'team';
  let mine: Delegation | undefined;
  const status = h('p', { class: 'notice', role: 'status', id: 'chat-status' });
  const tabs = h('div', { class: 'row chat-tabs', role: 'group', 'aria-label': 'Conversations' });
  const channelBar = h('div', { class: 'channel-bar' });
  const log = messageLog('Messages', 'chat-messages');
  const input = h('input', {
    id: 'chat-input',
    maxlength: MESSAGE_MAX_LENGTH,
    autocomplete: 'off',
    'aria-label': 'Message',
    'aria-describedby': 'chat-why',
  });
  const send_ = h('button', { type: 'submit', id: 'chat-send' }, 'Send');
  // Why the message box cannot be used now (muted, a channel not open yet, an observer): said, not only greyed.
  const why = h('p', { class: 'why-not', id: 'chat-why', hidden: true });
  const block = (reason: string | undefined) => {
    input.disabled = reason !== undefined;
    send_.disabled = reason !== undefined;
    why.textContent = reason ?? '';
    why.hidden = reason === undefined;
  };
  const form = h(
    'form',
    {
      class: 'chat-form',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        const text = input.value.trim();
        if (!text) return;
        const r = await send('sendMessage', { to: tab, text } as never);
        if (r.ok) {
          input.value = '';
          notice(status, '');
        } else notice(status, r.message, 'error');
      },
    },
    input,
    send_,
  );
  const root = h(
    'section',
    { class: 'card chat', 'aria-labelledby': 'chat-title' },
    h('h2', { id: 'chat-title' }, 'Talks'),
    tabs,
    channelBar,
    log.root,
    form,
    why,
    status,
  );
  let last: SessionView | undefined;
  let meId: string | undefined;
  let observing = false;

  const act = async (
    type: 'requestChannel' | 'acceptChannel' | 'closeChannel',
    other: Delegation,
    done: string,
  ) => {
    const r = await send(type, { with: other } as never);
    notice(status, r.ok ? done : r.message, r.ok ? 'info' : 'error');
  };

  let drawn = '';
  const render = () => {
    const view = last;
    if (!view) return;
    if (!mine) {
      // An observer reads the public CD floor, like the projector; only delegations speak there.
      if (drawn !== 'observer') {
        drawn = 'observer';
        fill(
          tabs,
          h(
            'button',
            { type: 'button', id: 'chat-tab-floor', 'aria-pressed': 'true' },
            CONTROL_NAMES.floorTab,
          ),
        );
        fill(
          channelBar,
          h(
            'p',
            { class: 'hint' },
            'Public: what the delegations say on the floor, as the projector shows it.',
          ),
        );
      }
      tab = 'floor';
      log.update(view.floor, meId);
      block('Only delegations speak on the CD floor; observers listen.');
      return;
    }
    const others = DELEGATIONS.filter((d) => d !== mine);
    // Redraw the tabs and channel controls only when they change, so keyboard focus survives others' messages.
    const key = JSON.stringify([
      tab,
      mine,
      others.map((o) => view.channels[pairOf(mine as Delegation, o)]?.status),
      others.map((o) => view.channels[pairOf(mine as Delegation, o)]?.requestedBy),
    ]);
    const redraw = key !== drawn;
    drawn = key;
    // A redraw replaces the buttons: the keyboard focus they held comes back to the same control, or, when
    // it is gone (a request sent, a channel accepted), to the message box or the conversation's tab.
    const held =
      redraw && tabs.parentElement?.contains(document.activeElement) ? document.activeElement : null;
    const heldId = held && held !== input ? held.id : '';
    const label = (t: Tab) =>
      t === 'team' ? CONTROL_NAMES.teamTab : t === 'floor' ? CONTROL_NAMES.floorTab : channelTabName(t);
    if (redraw)
      fill(
        tabs,
        ...(['team', 'floor', ...others] as Tab[]).map((t) => {
          const channel =
            t !== 'team' && t !== 'floor' ? view.channels[pairOf(mine as Delegation, t)] : undefined;
          const badge =
            channel?.status === 'requested' && channel.requestedBy !== mine
              ? ' (asks to talk)'
              : channel?.status === 'open'
                ? ' (open)'
                : '';
          return h(
            'button',
            {
              type: 'button',
              id: `chat-tab-${t}`,
              'aria-pressed': String(tab === t),
              onclick: () => {
                tab = t;
                drawn = '';
                render();
                document.getElementById(`chat-tab-${t}`)?.focus();
              },
            },
            label(t) + badge,
          );
        }),
      );
    if (tab === 'team') {
      if (redraw) fill(channelBar, h('p', { class: 'hint' }, 'Only your team and the teacher read this.'));
      log.update(view.teams[mine]?.chat ?? [], meId);
      block(undefined);
    } else if (tab === 'floor') {
      if (redraw)
        fill(
          channelBar,
          h(
            'p',
            { class: 'hint' },
            'Public: every delegation and the projector board see what you say here.',
          ),
        );
      log.update(view.floor, meId);
      block(undefined);
    } else {
      const other = tab;
      const channel = view.channels[pairOf(mine, other)];
      const them = DELEGATION_IN_FULL[other];
      const controls =
        channel?.status === 'open'
          ? [
              h('p', { class: 'hint' }, `Only your two delegations and the teacher read this channel.`),
              h(
                'button',
                {
                  type: 'button',
                  class: 'link',
                  id: 'channel-close',
                  onclick: () => act('closeChannel', other, `Channel with ${them} closed.`),
                },
                'Close the channel',
              ),
            ]
          : channel?.status === 'requested' && channel.requestedBy === other
            ? [
                h('p', {}, `${opening(them)} asks to open a channel.`),
                h(
                  'button',
                  {
                    type: 'button',
                    id: 'channel-accept',
                    onclick: () => act('acceptChannel', other, `Channel with ${them} open.`),
                  },
                  'Accept',
                ),
              ]
            : channel?.status === 'requested'
              ? [h('p', {}, `Waiting for ${them} to accept.`)]
              : [
                  h(
                    'button',
                    {
                      type: 'button',
                      id: 'channel-request',
                      onclick: () => act('requestChannel', other, `Asked ${them} to talk.`),
                    },
                    `Ask ${them} for a channel`,
                  ),
                ];
      if (redraw) fill(channelBar, ...controls);
      log.update(channel?.messages ?? [], meId);
      block(
        channel?.status === 'open'
          ? undefined
          : channel?.status === 'requested' && channel.requestedBy === other
            ? `Accept the request from ${them} above to talk here.`
            : channel?.status === 'requested'
              ? `You can write here once ${them} accepts your request.`
              : `Ask ${them} for a channel first: you can write once they accept.`,
      );
    }
    if (meId && view.members[meId]?.muted) block('The teacher has muted your messages for now.');
    if (heldId && !document.getElementById(heldId)) {
      if (!input.disabled) input.focus();
      else document.getElementById(`chat-tab-${tab}`)?.focus();
    } else if (heldId) document.getElementById(heldId)?.focus();
  };

  return {
    root,
    update(view: SessionView, seat: string | undefined, memberId: string | undefined) {
      last = view;
      meId = memberId;
      const was = mine;
      mine = seat && isDelegation(seat) ? seat : undefined;
      if (was !== mine) {
        drawn = '';
        if (mine && tab === 'floor' && observing) tab = 'team';
      }
      observing = !mine;
      root.hidden = view.stage === 'lobby' || (!mine && seat !== 'observer');
      render();
    },
  };
}
