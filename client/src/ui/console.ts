import { DELEGATIONS } from '../../../shared/model/seats.ts';
import type { SessionLink } from '../net/connection.ts';
import { membersInOrder, type SessionView } from '../net/view.ts';
import { cardsTab } from './console/cardsTab.ts';
import { consoleContext, type Panel } from './console/context.ts';
import { desksPanel } from './console/desks.ts';
import { lessonGuide } from './console/lessonGuide.ts';
import { phaseBar } from './console/phaseBar.ts';
import { rosterPanel } from './console/roster.ts';
import { sessionTab } from './console/sessionTab.ts';
import { tabs } from './console/tabs.ts';
import { talksPanel } from './console/talks.ts';
import { worldTab } from './console/world.ts';
import { h } from './dom.ts';
import './console.css';

/** The tabs that make sense at each stage of the session. */
const TABS_AT: Record<SessionView['stage'], string[]> = {
  lobby: ['roster', 'talks', 'session'],
  playing: ['desks', 'roster', 'talks', 'cards', 'world', 'session'],
  ended: ['world', 'desks', 'roster', 'talks', 'cards', 'session'],
};

/**
 * The teacher's console: a phase bar that stays in view (round, phase, clock, Next and what needs attention), a
 * folded lesson guide (the step of the lesson plan the class is at), and below them one tab per job: the roster, the desks, the talks, the cards, the world, the session. Each panel
 * lives in client/src/ui/console/ and redraws itself from the view.
 */
export function consoleScreen(
  root: HTMLElement,
  link: SessionLink,
  opts: { secret: string; justCreated: boolean },
) {
  const code = link.view?.code ?? '';
  const ctx = consoleContext(link);
  const bar = phaseBar(ctx, code);
  const panels: Record<string, Panel & { label: string }> = {
    desks: { label: 'Desks', ...desksPanel() },
    roster: { label: 'Roster', ...rosterPanel(ctx, code) },
    talks: { label: 'Talks', ...talksPanel(ctx) },
    cards: { label: 'Cards', ...cardsTab(ctx) },
    world: { label: 'World', ...worldTab() },
    session: { label: 'Session', ...sessionTab(ctx, code, opts.secret) },
  };
  const tabList = tabs(
    'Console panels',
    Object.entries(panels).map(([id, p]) => ({ id, label: p.label, panel: p.root })),
  );
  const tabButton = (id: string) => tabList.list.querySelector<HTMLButtonElement>(`#console-tab-${id}`);
  // The lesson guide's Print the pack opens the Session tab at its print links and moves the focus there.
  const guide = lessonGuide({
    onPrint: () => {
      tabList.show('session');
      const links = document.getElementById('print-pack');
      links?.setAttribute('tabindex', '-1');
      links?.scrollIntoView({ block: 'nearest' });
      links?.focus();
    },
  });

  root.replaceChildren(
    h(
      'div',
      { class: 'console-screen' },
      bar.root,
      h('main', { class: 'console' }, bar.practice, ctx.status, guide.root, tabList.list, ...tabList.panels),
    ),
  );

  let stage: SessionView['stage'] | undefined;
  const update = () => {
    const view = link.view;
    if (!view) return;
    bar.update(view);
    guide.update(view);
    for (const p of Object.values(panels)) p.update(view);
    if (view.stage !== stage) {
      // A new stage opens the tab its work happens in: the roster in the lobby, the desks in play, the world after.
      stage = view.stage;
      tabList.only(TABS_AT[stage]);
      tabList.show(TABS_AT[stage][0] ?? 'roster');
    }
    const members = membersInOrder(view).filter((m) => m.status !== 'gone');
    const roster = tabButton('roster');
    if (roster) roster.textContent = `Roster (${members.length})`;
    const desks = tabButton('desks');
    if (desks)
      desks.textContent =
        view.phase === 'orders'
          ? `Desks (${DELEGATIONS.filter((d) => view.teams[d]?.submitted).length} of ${DELEGATIONS.length} confirmed)`
          : 'Desks';
  };
  const tick = setInterval(bar.tick, 1000);
  const unsubscribe = link.subscribe(update);
  update();
  return () => {
    clearInterval(tick);
    unsubscribe();
  };
}
