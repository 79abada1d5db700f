import { plural } from '../ui/format.ts';
import { h } from '../ui/dom.ts';
import { loadReplay } from './access.ts';
import { debriefSections } from './debrief.ts';
import './replay.css';

/**
 * The debrief as a clean page to print or save as PDF: title, scenario, charts, each team's decisions, the
 * turning points, words and deeds, and the questions for the class. The print styles drop the controls.
 */
export async function reportScreen(root: HTMLElement, id: string): Promise<() => void> {
  const title = document.title;
  const restore = () => {
    document.title = title;
  };
  root.replaceChildren(h('main', { class: 'loading' }, h('p', { role: 'status' }, 'Preparing the report…')));
  let replay: Awaited<ReturnType<typeof loadReplay>>['replay'];
  try {
    replay = (await loadReplay(id)).replay;
  } catch (e) {
    root.replaceChildren(
      h(
        'main',
        { class: 'home' },
        h('p', { class: 'notice', 'data-kind': 'error', role: 'alert' }, (e as Error).message),
        h('p', {}, h('a', { href: '#/replay' }, '← Past sessions')),
      ),
    );
    return restore;
  }
  const header = replay.log.header;
  const lastEntry = replay.frames.at(-1)?.entry;
  const end = lastEntry ? new Date(lastEntry.at) : undefined;
  const created = new Date(header.createdAt);
  const rounds = replay.rounds.length;
  const years = replay.final?.settings.years ?? [];
  const planned = years.length;
  root.replaceChildren(
    h(
      'main',
      { class: 'report' },
      h(
        'div',
        { class: 'row no-print' },
        h(
          'a',
          { href: `#/replay/${encodeURIComponent(id)}`, class: 'button', id: 'report-back' },
          '← Back to the replay',
        ),
        h(
          'button',
          { type: 'button', class: 'primary', id: 'report-print', onclick: () => window.print() },
          'Print or save as PDF',
        ),
      ),
      h('h1', {}, 'PAROS · Crisis in Orbit: debrief'),
      h(
        'p',
        { class: 'report-meta' },
        `Scenario: ${replay.scenarioTitle}`,
        h('br'),
        `Session ${header.code}, played ${created.toLocaleDateString()}${end ? ` from ${created.toLocaleTimeString()} to ${end.toLocaleTimeString()}` : ''}`,
        h('br'),
        `${rounds} of ${plural(planned, 'round')} resolved${years.length ? ` (${years.slice(0, Math.max(rounds, 1)).join(', ')})` : ''} · ${replay.log.entries.length} log entries`,
        header.forkedFrom ? h('br') : undefined,
        header.forkedFrom
          ? `A what-if session, forked from ${header.forkedFrom.sessionId} at entry ${header.forkedFrom.seq}.`
          : undefined,
      ),
      replay.problem
        ? h(
            'p',
            { class: 'notice', 'data-kind': 'error' },
            `The log stops folding at entry ${replay.problem.seq}: ${replay.problem.message}.`,
          )
        : undefined,
      ...debriefSections(replay, 'report', { print: true }).map(promoteHeadings),
    ),
  );
  document.title = `PAROS debrief · ${header.code}`;
  return restore;
}

/** The debrief's sections sit under an h2 in the viewer; here they come right under the h1. */
function promoteHeadings(section: HTMLElement): HTMLElement {
  for (const old of Array.from(section.querySelectorAll('h3, h4'))) {
    const fresh = document.createElement(old.tagName === 'H3' ? 'h2' : 'h3');
    for (const a of Array.from(old.attributes)) fresh.setAttribute(a.name, a.value);
    fresh.append(...Array.from(old.childNodes));
    old.replaceWith(fresh);
  }
  return section;
}
