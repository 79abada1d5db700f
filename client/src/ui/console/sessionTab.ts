import type { SessionView } from '../../net/view.ts';
import { h, notice } from '../dom.ts';
import { hostUrl } from '../format.ts';
import type { ConsoleContext, Panel } from './context.ts';
import { settingsEditor } from './settings.ts';

/**
 * Every page of the teacher's pack, as the console links it for printing (client/src/pack/render.ts draws them;
 * a test checks none is missing): the address, what the link says, and what is on it.
 */
export const PRINT_LINKS = [
  {
    href: '#/pack',
    label: 'Teacher’s guide',
    what: 'objectives, lesson plans, the practice round script, roles',
  },
  { href: '#/pack/us', label: 'United States pack', what: 'primer, glossary, role briefs, decision memo' },
  { href: '#/pack/china', label: 'China pack', what: 'primer, glossary, role briefs, decision memo' },
  { href: '#/pack/russia', label: 'Russia pack', what: 'primer, glossary, role briefs, decision memo' },
  {
    href: '#/pack/rubric',
    label: 'Assessment and rubric',
    what: 'essay prompts, exit ticket, rubric and a blank decision memo template',
  },
] as const;

/** Links to print the pack from the console: each page opens in a new tab, with its own Print button. */
function printPack(): HTMLElement {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'print-pack-title', id: 'print-pack' },
    h('h2', { id: 'print-pack-title' }, 'Print the pack'),
    h('p', { class: 'hint' }, 'Each page opens in a new tab, ready to print or save as PDF.'),
    h(
      'ul',
      {},
      ...PRINT_LINKS.map((l) =>
        h('li', {}, h('a', { href: l.href, target: '_blank', rel: 'noopener' }, l.label), `: ${l.what}`),
      ),
    ),
  );
}

/**
 * The session itself: its settings (in the lobby), bookmarks of moments (in play), the private host link, the
 * replays and the pack, and ending it (confirmed). After the end only the links remain.
 */
export function sessionTab(ctx: ConsoleContext, code: string, secret: string): Panel {
  const settings = settingsEditor(ctx);
  const bookmark = bookmarkForm(ctx);
  const end = h(
    'button',
    {
      type: 'button',
      class: 'danger',
      id: 'end-session',
      onclick: () => {
        const from = ctx.seen(); // read before the dialog: the moment the teacher chose to end in
        if (confirm('End the session for everyone? This cannot be undone.'))
          ctx.send('endSession', { from }, 'The session has ended.');
      },
    },
    'End session',
  );
  const ending = h(
    'section',
    { class: 'card end-card', 'aria-labelledby': 'end-title' },
    h('h2', { id: 'end-title' }, 'End the session'),
    h(
      'p',
      { class: 'hint' },
      'Ends it for everyone now, whatever the round. The log stays for the replay and the debrief.',
    ),
    end,
  );
  const root = h(
    'div',
    { class: 'session-layout' },
    settings.root,
    bookmark,
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'links-title' },
      h('h2', { id: 'links-title' }, 'Replays and the pack'),
      h(
        'p',
        {},
        h('a', { href: '#/replay', target: '_blank', id: 'open-replays' }, 'Replays and debrief'),
        ' · ',
        h('a', { href: '#/pack', target: '_blank', id: 'open-pack' }, "Teacher's pack"),
      ),
    ),
    printPack(),
    privateLink(ctx, code, secret),
    ending,
  );
  return {
    root,
    update(view: SessionView) {
      settings.update(view);
      bookmark.hidden = view.stage !== 'playing';
      ending.hidden = view.stage === 'ended';
    },
  };
}

/** The private host link, folded: a projected console must not show the secret. */
function privateLink(ctx: ConsoleContext, code: string, secret: string) {
  const url = hostUrl(code, secret);
  return h(
    'details',
    { class: 'card private', id: 'private-link' },
    h('summary', {}, 'Your private host link'),
    h(
      'p',
      {},
      'Keep this link to yourself: it opens these controls from any computer, for example in your next class period. Anyone who has it can run this session.',
    ),
    h('input', {
      readonly: true,
      value: url,
      'aria-label': 'Private host link',
      class: 'wide',
      id: 'private-url',
    }),
    h(
      'button',
      {
        type: 'button',
        onclick: async () => {
          await navigator.clipboard?.writeText(url).catch(() => undefined);
          notice(ctx.status, 'Private link copied. Paste it somewhere only you can see.');
        },
      },
      'Copy private link',
    ),
  );
}

/** A bookmark marks this moment in the session's log, to find it again in the replay and the debrief. */
function bookmarkForm(ctx: ConsoleContext) {
  const note = h('input', {
    id: 'bookmark-note',
    class: 'bookmark-input',
    maxlength: 280,
    autocomplete: 'off',
    placeholder: 'e.g. China blocks the PPWT',
  });
  return h(
    'form',
    {
      class: 'card bookmark-form',
      id: 'bookmark-form',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        const text = note.value.trim();
        if (!text) return notice(ctx.status, 'Write a note for the bookmark.', 'error');
        if (
          await ctx.send(
            'addBookmark',
            { note: text },
            'Bookmarked: you will find this moment in the replay.',
          )
        )
          note.value = '';
      },
    },
    h('h2', {}, 'Bookmark this moment'),
    h('label', { for: 'bookmark-note' }, 'Note'),
    h('div', { class: 'row' }, note, h('button', { type: 'submit', id: 'add-bookmark' }, 'Bookmark')),
  );
}
