import type { PracticeFile } from '../../../shared/content/pack.ts';
import type { PhaseMinutes, RoundPhase } from '../../../shared/model/phases.ts';
import { loadPack } from '../net/pack.ts';
import type { SessionView } from '../net/view.ts';
import { fill, h } from './dom.ts';
import './practice.css';

/** Who reads the banner: the teacher and the board (the teacher's words to the class), or a student's roles. */
export type PracticeReader =
  | { kind: 'teacher' }
  | { kind: 'board' }
  | { kind: 'desk'; roles: readonly string[] };

/** One line of the practice script for this phase: "Analyst" → "Open the event card; read its title…". */
export interface PracticeLine {
  who: string; // "Say to the class", "Head of delegation"
  text: string;
}

const ROLE_WORDS: Record<string, string> = {
  head: 'Head of delegation',
  diplomat: 'Diplomat',
  commander: 'Space commander',
  analyst: 'Analyst',
  legal: 'Legal adviser',
  spokesperson: 'Spokesperson',
};

/**
 * The practice script's lines (content/pack/practice.json) for a reader in a phase: the teacher's words on the
 * console and the board, and on a student's desk the line for each role the student holds (all of them for a
 * team of one). Empty without a script or outside a round's phases.
 */
export function practiceLines(
  script: PracticeFile | undefined,
  phase: RoundPhase | '',
  reader: PracticeReader,
): PracticeLine[] {
  const step = script?.phases.find((p) => p.phase === phase);
  if (!step) return [];
  if (reader.kind === 'teacher') return [{ who: 'Say to the class', text: step.teacherSays }];
  if (reader.kind === 'board') return [{ who: 'Everyone', text: step.teacherSays }];
  const roles = step.roles as Record<string, string | undefined>;
  return reader.roles.flatMap((r) => {
    const text = roles[r];
    return text ? [{ who: ROLE_WORDS[r] ?? r, text }] : [];
  });
}

let script: Promise<PracticeFile | undefined> | undefined;
/** The practice script, fetched once with the pack when a practice round first shows; undefined without a pack. */
function practiceScript(): Promise<PracticeFile | undefined> {
  script ??= loadPack().then(
    (pack) => pack.practice,
    () => undefined,
  );
  return script;
}

/** The practice script's phase timers, for the console's Start the practice round; undefined without a pack. */
export async function practiceMinutes(): Promise<PhaseMinutes | undefined> {
  const s = await practiceScript();
  return s ? (Object.fromEntries(s.phases.map((p) => [p.phase, p.minutes])) as PhaseMinutes) : undefined;
}

/**
 * The banner every screen shows while the practice round runs: "Practice round — nothing counts", and the
 * practice script's line for this phase and this reader. Hidden outside the practice round.
 */
export function practiceBanner(id: string) {
  const lines = h('ul', { class: 'practice-lines', id: `${id}-lines` });
  const root = h(
    'section',
    { class: 'practice-banner', id, 'aria-labelledby': `${id}-title`, hidden: true },
    h('h2', { id: `${id}-title` }, 'Practice round — nothing counts'),
    h(
      'p',
      {},
      'Try every control: nothing done now changes the real game, and round 1 starts afresh from the same world.',
    ),
    lines,
  );
  let shown = '';
  let loaded: PracticeFile | undefined;
  let last: { view: SessionView; reader: PracticeReader } | undefined;
  const draw = () => {
    if (!last) return;
    const drawn = practiceLines(loaded, last.view.phase, last.reader);
    const key = JSON.stringify(drawn);
    if (key === shown) return;
    shown = key;
    fill(lines, ...drawn.map((l) => h('li', {}, h('strong', {}, `${l.who}: `), l.text)));
  };
  return {
    root,
    update(view: SessionView, reader: PracticeReader) {
      root.hidden = !view.practice;
      if (!view.practice) return;
      last = { view, reader };
      if (!loaded)
        void practiceScript().then((s) => {
          loaded = s;
          draw();
        });
      draw();
    },
  };
}
