import { replaysApi } from '../../net/api.ts';
import { fill, h, notice } from '../../ui/dom.ts';
import { markAt } from '../model.ts';
import type { ViewerContext } from './context.ts';
import { markLabel } from './labels.ts';

/**
 * The bookmarks made in play and in replays, each a link to its moment (and a tick on the scrubber), and a form
 * to bookmark the position shown.
 */
export function bookmarksPanel(ctx: ViewerContext, ticks: HTMLElement) {
  const { replay, last, status } = ctx;
  const list = h('ol', { class: 'bookmarks', id: 'replay-bookmarks' });
  const note = h('input', {
    id: 'replay-bookmark-note',
    maxlength: 280,
    required: true,
    autocomplete: 'off',
    class: 'wide',
  });
  const render = () => {
    fill(
      list,
      ...(replay.bookmarks.length
        ? replay.bookmarks.map((b, i) =>
            h(
              'li',
              { class: 'bookmark-item' },
              h(
                'button',
                { type: 'button', class: 'link', id: `replay-bookmark-${i}`, onclick: () => ctx.go(b.seq) },
                `Entry ${b.seq} · ${markLabel(markAt(replay, b.seq))}: ${b.note}`,
              ),
              h('span', { class: 'hint' }, b.from === 'play' ? ' (during play)' : ' (added in a replay)'),
            ),
          )
        : [h('li', { class: 'empty' }, 'No bookmark yet.')]),
    );
    fill(
      ticks,
      ...replay.bookmarks.map((b) =>
        h('button', {
          type: 'button',
          class: 'tick',
          tabindex: -1,
          title: `Entry ${b.seq}: ${b.note}`,
          style: `left: ${last ? (b.seq / last) * 100 : 0}%`,
          onclick: () => ctx.go(b.seq),
        }),
      ),
    );
  };
  const root = h(
    'section',
    { class: 'card', 'aria-labelledby': 'replay-bookmarks-title' },
    h('h2', { id: 'replay-bookmarks-title' }, 'Bookmarks'),
    list,
    h(
      'form',
      {
        class: 'bookmark-form',
        onsubmit: async (e: Event) => {
          e.preventDefault();
          const text = note.value.trim();
          if (!text) return notice(status, 'Write a note for the bookmark.', 'error');
          try {
            const b = await replaysApi.bookmark(replay.id, ctx.key, ctx.index(), text);
            replay.bookmarks.push({ seq: b.seq, note: b.note, from: 'replay', at: b.at });
            replay.bookmarks.sort((a, x) => a.seq - x.seq || a.at - x.at);
            note.value = '';
            render();
            notice(status, `Bookmarked entry ${b.seq}.`);
          } catch (err) {
            notice(status, (err as Error).message, 'error');
          }
        },
      },
      h('label', { for: 'replay-bookmark-note' }, 'Note for a bookmark at the current position'),
      note,
      h('button', { type: 'submit', id: 'replay-bookmark-add' }, 'Bookmark this moment'),
    ),
  );
  render();
  return { root };
}
