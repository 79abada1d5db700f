import type { ScenarioSummary } from '../../../shared/content/scenario.ts';
import { api } from '../net/api.ts';
import { h, notice } from './dom.ts';
import { forgetHosted, hostedSessions, rememberHosted } from './hosted.ts';

/** Creating a session: the defaults work with one click; scenario, timers and the team lock fit on this one screen. */
export function hostSetupScreen(root: HTMLElement, onCreated: (code: string, secret: string) => void) {
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
