/**
 * What a bot says on the CD floor: one short statement per negotiation phase, tied to what it saw last round and
 * to its country's recorded position. The words are the project's own; the dates come from the checked timeline.
 */
import { DELEGATION_IN_FULL } from '../content/labels.ts';
import type { Delegation } from '../model/seats.ts';
import type { Situation } from '../doctrines/situation.ts';
import { type BotLevel, botDice, readWorld } from './doctrines.ts';

/** Calm-time positions, one drawn per round. */
export const POSITIONS: Record<Delegation, readonly string[]> = {
  us: [
    'The United States will support a text on outer space that can be verified and that covers weapons launched from the ground. The 2014 revision of the PPWT does neither, as we said at the time.',
    'We favour practical transparency measures that every party can check, such as launch notifications, over pledges nobody can verify.',
    'Since the Artemis Accords of October 2020, partners from every region have joined a shared set of principles for the Moon. The door stays open.',
  ],
  china: [
    'China and Russia put the PPWT on this table in 2008 and revised it in 2014. We ask every delegation to negotiate on it rather than to reject it.',
    'China will not be the first to place weapons in outer space, and calls on every space power to make the same pledge.',
    'Our lunar programme is peaceful and open: the International Lunar Research Station agreed with Russia in March 2021 welcomes new partners.',
  ],
  russia: [
    'Russia has proposed a binding ban on weapons in orbit since the PPWT draft of 2008. Voluntary rules are no substitute for a treaty.',
    'The General Assembly has backed the pledge of no first placement of weapons in outer space since 2014. We invite the United States to join it.',
    'Our cooperation with China in space, from engines to early warning, threatens no one; it answers plans to put missile defence in space.',
  ],
};

/** Answers to an offence it saw: "{them}" is replaced by the offender's name as it reads in a sentence. */
export const ANSWERS: Record<Delegation, string> = {
  us: 'The United States saw what {them} did in orbit last year. That is why verification matters: we will strengthen our defences until words can be checked.',
  china:
    'The actions of {them} last year show the danger of an arms race in space. China will protect its interests, and still calls for a treaty.',
  russia:
    'Russia takes note of the conduct of {them}. We will respond as we must, and our proposal of a treaty banning weapons in orbit stands.',
};

/**
 * The bot's statement for this round's negotiation phase. A novice always states a position; a standard or
 * expert bot first answers an offence it saw. Pure: the same situation, level and seed give the same words.
 */
export function botStatement(s: Situation & { level: BotLevel }): string {
  const dice = botDice((s.seed ?? 0) + 1, s.now.round, s.me);
  if (s.level !== 'novice') {
    const r = readWorld(s);
    const offender = [...r.tested, ...r.breached, ...r.armed][0];
    if (offender) return (ANSWERS[s.me] ?? '').replace('{them}', DELEGATION_IN_FULL[offender]);
  }
  const lines = POSITIONS[s.me];
  return lines[dice.int(0, lines.length - 1)] ?? '';
}
