import type { ScenarioSummary } from '../../../../shared/content/scenario.ts';
import { PHASE_NAMES, ROUND_PHASES } from '../../../../shared/model/phases.ts';
import { api } from '../../net/api.ts';
import type { SessionView } from '../../net/view.ts';
import { fill, h, notice } from '../dom.ts';
import { hostUrl } from '../format.ts';
import type { ConsoleContext, Panel } from './context.ts';

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

/** The lobby settings: scenario, timers and team limits on one form. Filled from the state unless being edited. */
function settingsEditor(ctx: ConsoleContext) {
  const { link, send } = ctx;
  let dirty = false;
  const scenario = h('select', { id: 'settings-scenario' });
  const timersOn = h('input', { type: 'checkbox', id: 'settings-timers' });
  const lockOnStart = h('input', { type: 'checkbox', id: 'settings-lock' });
  const max = h('input', { type: 'number', id: 'settings-max', min: 1, max: 10, step: 1 });
  const minutes = Object.fromEntries(
    ROUND_PHASES.map((p) => [
      p,
      h('input', { type: 'number', id: `settings-min-${p}`, min: 0.5, max: 60, step: 0.5 }),
    ]),
  ) as Record<(typeof ROUND_PHASES)[number], HTMLInputElement>;
  const form = h(
    'form',
    {
      class: 'card settings',
      'aria-labelledby': 'settings-title',
      oninput: () => {
        dirty = true;
      },
      onsubmit: async (e: Event) => {
        e.preventDefault();
        const view = link.view;
        const scenarioChanged = view && scenario.value !== view.settings.scenarioId;
        const ok = await send(
          'updateSettings',
          {
            scenarioId: scenario.value,
            timersOn: timersOn.checked,
            lockTeamsOnStart: lockOnStart.checked,
            maxPerDelegation: Number(max.value),
            ...(scenarioChanged
              ? {}
              : { phaseMinutes: Object.fromEntries(ROUND_PHASES.map((p) => [p, Number(minutes[p].value)])) }),
          },
          'Settings saved.',
        );
        if (ok) dirty = false;
      },
    },
    h('h2', { id: 'settings-title' }, 'Settings'),
    h('label', { for: 'settings-scenario' }, 'Scenario'),
    scenario,
    h('div', { class: 'check' }, timersOn, h('label', { for: 'settings-timers' }, 'Phase timers')),
    h(
      'fieldset',
      { class: 'minutes' },
      h('legend', {}, 'Minutes per phase'),
      ...ROUND_PHASES.map((p) =>
        h('span', { class: 'minute' }, h('label', { for: `settings-min-${p}` }, PHASE_NAMES[p]), minutes[p]),
      ),
    ),
    h(
      'div',
      { class: 'check' },
      lockOnStart,
      h('label', { for: 'settings-lock' }, 'Lock the teams when round 1 starts'),
    ),
    h('label', { for: 'settings-max' }, 'Students per delegation (at most)'),
    max,
    h('div', {}, h('button', { type: 'submit' }, 'Save settings')),
  );
  let scenarios: ScenarioSummary[] = [];
  api
    .scenarios()
    .then((list) => {
      scenarios = list;
      fill(scenario, ...list.map((s) => h('option', { value: s.id }, s.title)));
      if (link.view) scenario.value = link.view.settings.scenarioId;
    })
    .catch(() => undefined);
  return {
    root: form,
    update(view: SessionView) {
      form.hidden = view.stage !== 'lobby';
      if (dirty) return;
      if (scenarios.length) scenario.value = view.settings.scenarioId;
      timersOn.checked = view.settings.timersOn;
      lockOnStart.checked = view.settings.lockTeamsOnStart;
      max.value = String(view.settings.maxPerDelegation);
      for (const p of ROUND_PHASES) minutes[p].value = String(view.settings.phaseMinutes[p]);
    },
  };
}
