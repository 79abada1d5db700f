import { plural } from '../ui/format.ts';
import { SESSION_STATE_NAMES } from '../../../shared/content/labels.ts';
import type { ReplaySummary } from '../../../shared/protocol/http.ts';
import { ApiError, api, replaysApi } from '../net/api.ts';
import { h, notice } from '../ui/dom.ts';
import { forgetHosted, hostedSessions } from '../ui/hosted.ts';
import { dropCached, instructorKey, keepInstructorKey } from './keys.ts';

const STAGE_NAMES: Record<string, string> = SESSION_STATE_NAMES;

/**
 * Past sessions: a teacher sees the sessions this browser hosted (found with each code and host secret); an
 * instructor, with the instructor key, sees every session on the server. Each opens in the replay viewer.
 */
export function replayListScreen(root: HTMLElement) {
  const status = h('p', { class: 'notice', role: 'status', 'aria-live': 'polite', id: 'replay-list-status' });
  const scenarioTitles = new Map<string, string>();
  const titles = api
    .scenarios()
    .then((list) => {
      for (const s of list) scenarioTitles.set(s.id, s.title);
    })
    .catch(() => undefined);

  const mineBody = h('tbody', { id: 'replay-mine' });
  const mineEmpty = h('p', { class: 'empty', id: 'replay-mine-empty' });
  const mineTable = sessionTable('Your sessions', mineBody);
  mineTable.hidden = true;
  const allBody = h('tbody', { id: 'replay-all' });
  const allTable = sessionTable('Every session on this server', allBody);
  allTable.hidden = true;

  const row = (s: ReplaySummary, key: string, where: 'mine' | 'all', onGone: () => void) => {
    const damaged = s.stage === 'damaged';
    const label = s.code || s.sessionId;
    const date = s.createdAt ? new Date(s.createdAt) : undefined;
    return h(
      'tr',
      { class: damaged ? 'damaged' : '', 'data-session': s.sessionId },
      h('th', { scope: 'row', class: 'mono' }, label),
      h(
        'td',
        { 'data-label': 'Created' },
        date ? h('time', { datetime: date.toISOString() }, date.toLocaleString()) : '–',
      ),
      h(
        'td',
        { 'data-label': 'Scenario' },
        s.scenarioId ? (scenarioTitles.get(s.scenarioId) ?? s.scenarioId) : '–',
        // Which rules it plays under (a what-if keeps its original's): a log of unknown rules cannot be opened here.
        s.rules
          ? h(
              s.rules.known ? 'span' : 'strong',
              { class: 'hint' },
              h('br'),
              s.rules.known ? `Under the ${s.rules.label}` : `Under ${s.rules.label}`,
            )
          : '',
      ),
      h(
        'td',
        { 'data-label': 'Stage' },
        damaged ? h('strong', {}, 'Damaged: ') : (STAGE_NAMES[s.stage] ?? s.stage),
        damaged ? (s.problem ?? 'the log cannot be read') : '',
        s.forkedFrom
          ? h(
              'span',
              { class: 'hint' },
              ` (what-if from ${s.forkedFrom.sessionId}, entry ${s.forkedFrom.seq})`,
            )
          : '',
      ),
      h('td', { class: 'num', 'data-label': 'Entries' }, String(s.entries)),
      h(
        'td',
        { class: 'actions' },
        damaged
          ? h('span', { class: 'hint' }, 'Cannot be opened')
          : h(
              'a',
              {
                class: 'button primary small',
                href: `#/replay/${encodeURIComponent(s.sessionId)}`,
                id: `replay-${where}-open-${s.sessionId}`,
                'aria-label': `Open the replay of session ${label}`,
              },
              'Open replay',
            ),
        h(
          'button',
          {
            type: 'button',
            class: 'danger small',
            id: `replay-${where}-delete-${s.sessionId}`,
            'aria-label': `Delete session ${label} and its log`,
            onclick: async (e: Event) => {
              if (
                !confirm(`Delete session ${label} and its whole log from the server? This cannot be undone.`)
              )
                return;
              const button = e.currentTarget as HTMLButtonElement;
              button.disabled = true;
              try {
                try {
                  await replaysApi.remove(s.sessionId, key);
                } catch (err) {
                  // A live session: the server says so in a sentence, and the user confirms that too.
                  if (!(err instanceof ApiError && err.status === 409)) throw err;
                  if (!confirm(`${err.message} Delete it anyway?`)) {
                    button.disabled = false;
                    return;
                  }
                  await replaysApi.remove(s.sessionId, key, true);
                }
                dropCached(s.sessionId);
                (button.closest('tr') as HTMLElement).remove();
                for (const other of document.querySelectorAll(
                  `tr[data-session="${CSS.escape(s.sessionId)}"]`,
                ))
                  other.remove();
                onGone();
                notice(status, `Session ${label} was deleted.`);
              } catch (err) {
                button.disabled = false;
                notice(status, (err as Error).message, 'error');
              }
            },
          },
          'Delete',
        ),
      ),
    );
  };

  const loadMine = async () => {
    const hosted = hostedSessions();
    mineBody.replaceChildren();
    if (hosted.length === 0) {
      mineEmpty.textContent = 'This browser has hosted no session yet.';
      return;
    }
    mineEmpty.textContent = 'Looking for your sessions…';
    await titles;
    const missing: string[] = [];
    for (const s of hosted) {
      try {
        const found = await replaysApi.find(s.code, s.secret);
        for (const x of found)
          mineBody.append(
            row(x, s.secret, 'mine', () => {
              mineTable.hidden = !mineBody.children.length;
            }),
          );
      } catch (e) {
        if (e instanceof ApiError && e.status === 429) {
          notice(status, e.message, 'error');
          break;
        }
        if (e instanceof ApiError && e.status === 403) missing.push(s.code);
        else {
          notice(status, (e as Error).message, 'error');
          break;
        }
      }
    }
    mineTable.hidden = !mineBody.children.length;
    mineEmpty.textContent = mineBody.children.length ? '' : 'None of your sessions has a log on this server.';
    if (missing.length) {
      mineEmpty.replaceChildren(
        mineEmpty.textContent,
        ` No log on this server for ${missing.join(', ')} (deleted, or never started here). `,
        h(
          'button',
          {
            type: 'button',
            class: 'link',
            id: 'replay-forget-missing',
            onclick: () => {
              for (const code of missing) forgetHosted(code);
              mineEmpty.textContent = mineBody.children.length ? '' : 'This browser has no other session.';
              notice(status, `Forgot ${plural(missing.length, 'session')} in this browser.`);
            },
          },
          'Forget them in this browser',
        ),
      );
    }
  };

  const keyInput = h('input', {
    type: 'password',
    id: 'replay-instructor-key',
    class: 'key-input',
    autocomplete: 'off',
    spellcheck: 'false',
    value: instructorKey() ?? '',
    'aria-describedby': 'replay-instructor-hint',
  });
  const forgetKey = h(
    'button',
    {
      type: 'button',
      id: 'replay-instructor-forget',
      hidden: !instructorKey(),
      onclick: () => {
        keepInstructorKey(undefined);
        keyInput.value = '';
        forgetKey.hidden = true;
        allTable.hidden = true;
        allBody.replaceChildren();
        notice(status, 'The instructor key is forgotten in this tab.');
      },
    },
    'Forget the key',
  );
  const loadAll = async (key: string) => {
    notice(status, 'Listing every session…');
    try {
      const [list] = await Promise.all([replaysApi.all(key), titles]);
      keepInstructorKey(key);
      forgetKey.hidden = false;
      allBody.replaceChildren(
        ...list.map((s) =>
          row(s, key, 'all', () => {
            mineTable.hidden = !mineBody.children.length;
          }),
        ),
      );
      allTable.hidden = false;
      notice(status, `${plural(list.length, 'session')} on this server.`);
    } catch (e) {
      notice(status, (e as Error).message, 'error');
    }
  };
  const instructorForm = h(
    'form',
    {
      class: 'instructor-key',
      onsubmit: (e: Event) => {
        e.preventDefault();
        if (keyInput.value.trim()) loadAll(keyInput.value.trim());
      },
    },
    h('label', { for: 'replay-instructor-key' }, 'Instructor key'),
    h(
      'p',
      { class: 'hint', id: 'replay-instructor-hint' },
      'The key set on the server (INSTRUCTOR_KEY). It is kept in this tab only, until you close it.',
    ),
    h(
      'div',
      { class: 'row' },
      keyInput,
      h('button', { type: 'submit', id: 'replay-instructor-list' }, 'List every session'),
      forgetKey,
    ),
  );

  root.replaceChildren(
    h(
      'main',
      { class: 'replay-list' },
      h('p', {}, h('a', { href: '#/host' }, '← Host a session')),
      h('h1', {}, 'Past sessions and replays'),
      status,
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'replay-mine-title' },
        h('h2', { id: 'replay-mine-title' }, 'Your sessions (hosted in this browser)'),
        mineEmpty,
        mineTable,
      ),
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'replay-all-title' },
        h('h2', { id: 'replay-all-title' }, 'Instructor: every session'),
        instructorForm,
        allTable,
      ),
    ),
  );
  loadMine();
  const stored = instructorKey();
  if (stored) loadAll(stored);
}

/**
 * A table of sessions. On a phone each row becomes a block (style.css): the code beside its buttons, then each
 * cell on its own line after its column's name (the `data-label` of the cell), so nothing runs off sideways.
 */
function sessionTable(caption: string, body: HTMLElement) {
  return h(
    'table',
    { class: 'sessions' },
    h('caption', { class: 'visually-hidden' }, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...['Code', 'Created', 'Scenario', 'Stage', 'Entries', 'Actions'].map((t) =>
          h('th', { scope: 'col' }, t),
        ),
      ),
    ),
    body,
  );
}
