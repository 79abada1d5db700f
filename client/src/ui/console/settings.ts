import type { ScenarioSummary } from '../../../../shared/content/scenario.ts';
import { PHASE_NAMES, ROUND_PHASES } from '../../../../shared/model/phases.ts';
import { api } from '../../net/api.ts';
import type { SessionView } from '../../net/view.ts';
import { fill, h } from '../dom.ts';
import type { ConsoleContext } from './context.ts';

/** The lobby settings: scenario, timers and team limits on one form. Filled from the state unless being edited. */
export function settingsEditor(ctx: ConsoleContext) {
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
