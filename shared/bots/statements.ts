/**
 * What a bot says on the CD floor: one short statement per negotiation phase, tied to what it saw last round and
 * to its country's recorded position. The words are the project's own; the dates come from the checked timeline.
 */
import { DELEGATION_IN_FULL } from '../content/labels.ts';
import { ROUND_PHASES, type RoundPhase } from '../model/phases.ts';
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

/** What a bot says to one delegation in their bilateral channel, by pair: its position towards that country. */
const TO_THEM: Record<Delegation, Partial<Record<Delegation, readonly string[]>>> = {
  us: {
    china: [
      'The United States is ready to talk about conduct in orbit that both sides can check: notice before launches and close approaches, and no tests that make debris.',
      'We will look at any text that can be verified and that covers weapons launched from the ground. The PPWT does neither today.',
    ],
    russia: [
      'We will discuss rules of the road for orbit. A pledge of no first placement that nobody can check is not one of them.',
      'Since April 2022 the United States has committed not to conduct destructive direct-ascent anti-satellite tests. We ask Russia to do the same.',
    ],
  },
  china: {
    us: [
      'China asks the United States to negotiate on the PPWT, which China and Russia tabled in 2008, instead of rejecting it.',
      'China will not be the first to place weapons in outer space. We ask the United States to make the same pledge.',
    ],
    russia: [
      'China values our work with Russia on the PPWT and on the International Lunar Research Station, and will keep our positions at the CD close.',
      'China and Russia tabled the PPWT together; let us keep its text as it is, without clauses on weapons on the ground.',
    ],
  },
  russia: {
    us: [
      'Russia invites the United States to join the pledge of no first placement of weapons in outer space while we negotiate a binding treaty.',
      'A treaty banning weapons in orbit is on the table since 2008. Russia is ready to discuss its verification with the United States.',
    ],
    china: [
      'Russia stands with China on the PPWT and on the lunar station. Our engines and our help with missile warning remain on offer.',
      'Russia and China should speak with one voice at the CD: a binding treaty first, voluntary rules after.',
    ],
  },
};

/** Answers, in the channel, to an offence the other side committed last round: "{them}" is its name. */
const TO_AN_OFFENDER: Record<Delegation, string> = {
  us: 'We saw what {them} did in orbit last year. The United States will talk, but it will judge {them} by what it does, not by what it signs.',
  china:
    'China saw what {them} did last year. Such actions feed an arms race in space; China asks for restraint and for a treaty.',
  russia:
    'Russia saw what {them} did last year and will draw its conclusions. Our offer of a binding treaty still stands.',
};

/**
 * The bot's answer to `them` in their bilateral channel, once a phase: a standard or expert bot first answers an
 * offence of theirs it saw last round; otherwise its position towards that country, drawn for this round and
 * phase. Pure: the same situation, level, seed and phase give the same words.
 */
export function botChannelAnswer(
  s: Situation & { level: BotLevel; them: Delegation; phase: RoundPhase },
): string {
  if (s.level !== 'novice') {
    const r = readWorld(s);
    if ([...r.tested, ...r.breached, ...r.armed].includes(s.them))
      return TO_AN_OFFENDER[s.me].replaceAll('{them}', DELEGATION_IN_FULL[s.them]);
  }
  const lines = TO_THEM[s.me][s.them] ?? [];
  const dice = botDice((s.seed ?? 0) + 2 + ROUND_PHASES.indexOf(s.phase), s.now.round, s.me);
  return lines[dice.int(0, lines.length - 1)] ?? '';
}
