import type { ScenarioSummary } from '../../../shared/content/scenario.ts';
import { DELEGATION_NAMES, DELEGATIONS } from '../../../shared/model/seats.ts';
import { api } from '../net/api.ts';
import { h, notice } from './dom.ts';
import { forgetHosted, hostedSessions, rememberHosted } from './hosted.ts';

/** Creating a session: the defaults work with one click; scenario, timers and the team lock fit on this one screen. */
export function hostSetupScreen(
  root: HTMLElement,
  onCreated: (code: string, secret: string) => void,
  onAlone: (hash: string) => void = (hash) => {
    location.hash = hash;
  },
) {
  const status = h('p', { class: 'notice', role: 'alert' });
  const scenario = h('select', { id: 'setup-scenario', name: 'scenario' });
  const summary = h('p', { class: 'hint', id: 'setup-scenario-summary' });
  const timers = h('input', { type: 'checkbox', id: 'setup-timers', checked: true });
  const lock = h('input', { type: 'checkbox', id: 'setup-lock', checked: true });
  const create = h('button', { type: 'submit', class: 'primary', id: 'create-session' }, 'Create session');
  let scenarios: ScenarioSummary[] = [];

  const describe = () => {
    const s = scenarios.find((x) => x.id === scenario.value);
    summary.textContent = s
      ? `${s.summary} Rounds: ${s.years.join(', ')}. About ${Math.round(
          s.years.length * Object.values(s.phaseMinutes).reduce((a, b) => a + b, 0),
        )} minutes with the default timers.`
      : '';
  };
  scenario.addEventListener('change', describe);

  const form = h(
    'form',
    {
      class: 'card',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        create.disabled = true;
        notice(status, 'Creating the session…');
        try {
          const res = await api.createSession({
            settings: {
              scenarioId: scenario.value,
              timersOn: timers.checked,
              lockTeamsOnStart: lock.checked,
            },
          });
          const title = scenarios.find((x) => x.id === scenario.value)?.title ?? '';
          rememberHosted({
            code: res.code,
            secret: res.hostSecret,
            createdAt: new Date().toISOString(),
            title,
          });
          onCreated(res.code, res.hostSecret);
        } catch (err) {
          notice(status, (err as Error).message, 'error');
          create.disabled = false;
        }
      },
    },
    h('h2', {}, 'Host a session'),
    h('label', { for: 'setup-scenario' }, 'Scenario'),
    scenario,
    summary,
    h(
      'div',
      { class: 'check' },
      timers,
      h('label', { for: 'setup-timers' }, 'Phase timers (phases end by themselves)'),
    ),
    h(
      'div',
      { class: 'check' },
      lock,
      h('label', { for: 'setup-lock' }, 'Lock the teams when round 1 starts'),
    ),
    h(
      'p',
      { class: 'hint' },
      'You can change these, and each phase’s minutes, in the lobby before you start.',
    ),
    create,
    status,
  );

  const alone = aloneCard(
    () => ({ id: scenario.value, title: scenarios.find((x) => x.id === scenario.value)?.title ?? '' }),
    onAlone,
  );

  const previous = hostedSessions();
  const list = h(
    'section',
    { class: 'card', 'aria-labelledby': 'previous-title' },
    h('h2', { id: 'previous-title' }, 'Your sessions in this browser'),
    previous.length === 0
      ? h('p', { class: 'empty' }, 'None yet.')
      : h(
          'ul',
          { class: 'hosted' },
          ...previous.map((s) =>
            h(
              'li',
              {},
              h('a', { href: `#/host/${s.code}/${s.secret}` }, `${s.code} · ${s.title}`),
              ` created ${new Date(s.createdAt).toLocaleString()} `,
              h(
                'button',
                {
                  type: 'button',
                  class: 'link',
                  'aria-label': `Forget session ${s.code} in this browser`,
                  onclick: (e: Event) => {
                    forgetHosted(s.code);
                    (e.target as HTMLElement).closest('li')?.remove();
                  },
                },
                'Forget',
              ),
            ),
          ),
        ),
  );

  root.replaceChildren(
    h(
      'main',
      { class: 'setup' },
      h(
        'p',
        {},
        h('a', { href: '#/' }, '← PAROS home'),
        ' · ',
        h('a', { href: '#/replay', id: 'open-replays' }, 'Past sessions and replays'),
        ' · ',
        h('a', { href: '#/pack', id: 'open-pack' }, "Teacher's pack: lesson plans, briefs, rubric"),
      ),
      form,
      alone,
      list,
    ),
  );
  api
    .scenarios()
    .then((list) => {
      scenarios = list;
      for (const s of list) scenario.append(h('option', { value: s.id }, s.title));
      describe();
      create.focus();
    })
    .catch((e) => notice(status, (e as Error).message, 'error'));
}

/**
 * Alone, before a class: preview the chosen scenario at one delegation against two bots (timers off, a guide on
 * top, Next when you are ready), or watch three bots play it on the board with short phases.
 */
function aloneCard(chosen: () => { id: string; title: string }, go: (hash: string) => void): HTMLElement {
  const status = h('p', { class: 'notice', role: 'alert' });
  const seat = h(
    'select',
    { id: 'preview-seat', name: 'seat' },
    ...DELEGATIONS.map((d) => h('option', { value: d }, DELEGATION_NAMES[d])),
  );
  const create = async (watch: boolean) => {
    for (const b of buttons) b.disabled = true;
    notice(status, 'Creating the session…');
    try {
      const { id, title } = chosen();
      const res = await api.createSession({
        settings: { scenarioId: id, timersOn: watch, lockTeamsOnStart: false },
      });
      rememberHosted({
        code: res.code,
        secret: res.hostSecret,
        createdAt: new Date().toISOString(),
        title: `${title} (${watch ? 'bots alone' : 'preview'})`,
      });
      go(watch ? `#/watch/${res.code}` : `#/preview/${res.code}/${seat.value}`);
    } catch (err) {
      notice(status, (err as Error).message, 'error');
      for (const b of buttons) b.disabled = false;
    }
  };
  const buttons = [
    h('button', { type: 'button', id: 'preview-alone', onclick: () => create(false) }, 'Preview alone'),
    h('button', { type: 'button', id: 'watch-bots', onclick: () => create(true) }, 'Watch the bots play'),
  ];
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'alone-title' },
    h('h2', { id: 'alone-title' }, 'Try it alone'),
    h(
      'p',
      { class: 'hint' },
      'Preview alone: you play one delegation of the scenario above, the server plays the two others; no timers, a short guide tells you what to do, and you press Next when ready. About two minutes a round.',
    ),
    h('label', { for: 'preview-seat' }, 'Your delegation'),
    seat,
    h(
      'p',
      { class: 'hint' },
      'Watch the bots play: the server plays all three delegations with short phases, and this tab shows the board until the end. Good on a projector.',
    ),
    h('div', { class: 'row' }, ...buttons),
    status,
  );
}
