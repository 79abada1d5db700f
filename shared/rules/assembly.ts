import { DELEGATIONS, type Delegation } from '../model/seats.ts';
import { BLOCS, type Bloc, type ResolutionTopic, type Vote } from './model.ts';
import { CRISIS_SWING, CRISIS_SWING_AT, LOBBY_STANCE, SPONSOR_STANCE, STANDING_PULL } from './tuning.ts';

/**
 * The UN General Assembly as three voting blocs around the three delegations, fitted to the record: with the
 * record's sponsors and the delegations' record votes, each topic's tally is the record's. What the delegations
 * do differently (sponsor, vote, lobby) moves the seats that follow them.
 */

/** A bloc's seats on one resolution: yes, no and abstaining; the rest of its seats were absent. */
export interface Split {
  yes: number;
  no: number;
  abstain: number;
}

/** The 190 other member states, in three blocs (the US, China and Russia vote as delegations). */
export const BLOC_SEATS: Record<Bloc, number> = { western: 48, nam: 120, others: 22 };
export { UN_BLOC_NAMES as BLOC_NAMES } from '../content/labels.ts';

/**
 * The bloc each delegation answers to at home: the US leads the Western group; China courts the NAM (the
 * "Group of 77 and China"); Russia speaks for the other states around it. Voting against its home bloc's
 * majority costs a delegation standing.
 */
export const HOME_BLOC: Record<Delegation, Bloc> = { us: 'western', china: 'nam', russia: 'others' };

/**
 * How many of a bloc's seats take their cue from each delegation, per stance unit (a yes is 1, a no −1, a
 * sponsor's championing 2, lobbying 2 more). The Western group follows the US; the NAM listens to China first.
 */
export const SWAY: Record<Bloc, Record<Delegation, number>> = {
  western: { us: 5, china: 0, russia: 0 },
  nam: { us: 2, china: 4, russia: 3 },
  others: { us: 2, china: 2, russia: 3 },
};

/** A vote of the record: who sponsored it, how the three delegations voted, and how the blocs split. */
export interface RecordVote {
  resolution: string; // "A/RES/77/41"
  year: number;
  tally: Split; // the record's tally, the three delegations included
  sponsors: Delegation[]; // the delegations among its sponsors or behind its initiative
  votes: Record<Delegation, Vote>;
  blocs: Record<Bloc, Split>; // the other 190 states, split so the sums give the tally
}

/**
 * Where the blocs stand on each topic: the record's vote on it, with its sponsors and the delegations' votes.
 * Sources:
 * - noFirstPlacement: A/RES/69/32 (2 Dec 2014), 126–4–46; a Russian initiative co-sponsored by China; the US,
 *   Israel, Georgia and Ukraine voted no, the EU abstained (the project's checked timeline, event P40).
 * - asatTestBan: A/RES/77/41 (7 Dec 2022), 155–9–9; the US-led call; China and Russia voted no, India
 *   abstained (checked timeline, event X07).
 * - responsibleBehaviours: A/RES/75/36 (7 Dec 2020), 164–12–6 in the plenary; a UK initiative the US backed,
 *   modelled as the Western group's text behind the US; China and Russia voted no. Not in the checked
 *   timeline; the First Committee's vote of November 2020 was 163–8–9 (Payload, 2020).
 * - parosMeasures: "Further practical measures for the prevention of an arms race in outer space", a Russian
 *   text, approved in the First Committee on 30 Oct 2017 by 121–5–45 (France, Israel, Ukraine, the UK and the
 *   US against; UN press release of that day). Not in the checked timeline.
 * How each bloc's seats split within a tally is the game's estimate from the named no votes and abstentions.
 */
export const GA_RECORD: Record<ResolutionTopic, RecordVote> = {
  noFirstPlacement: {
    resolution: 'A/RES/69/32',
    year: 2014,
    tally: { yes: 126, no: 4, abstain: 46 },
    sponsors: ['russia', 'china'],
    votes: { us: 'no', china: 'yes', russia: 'yes' },
    blocs: {
      western: { yes: 2, no: 3, abstain: 40 },
      nam: { yes: 108, no: 0, abstain: 2 },
      others: { yes: 14, no: 0, abstain: 4 },
    },
  },
  asatTestBan: {
    resolution: 'A/RES/77/41',
    year: 2022,
    tally: { yes: 155, no: 9, abstain: 9 },
    sponsors: ['us'],
    votes: { us: 'yes', china: 'no', russia: 'no' },
    blocs: {
      western: { yes: 47, no: 0, abstain: 0 },
      nam: { yes: 90, no: 7, abstain: 8 },
      others: { yes: 17, no: 0, abstain: 1 },
    },
  },
  responsibleBehaviours: {
    resolution: 'A/RES/75/36',
    year: 2020,
    tally: { yes: 164, no: 12, abstain: 6 },
    sponsors: ['us'],
    votes: { us: 'yes', china: 'no', russia: 'no' },
    blocs: {
      western: { yes: 48, no: 0, abstain: 0 },
      nam: { yes: 96, no: 9, abstain: 5 },
      others: { yes: 19, no: 1, abstain: 1 },
    },
  },
  parosMeasures: {
    resolution: 'First Committee draft of 2017 (further practical measures)',
    year: 2017,
    tally: { yes: 121, no: 5, abstain: 45 },
    sponsors: ['russia', 'china'],
    votes: { us: 'no', china: 'yes', russia: 'yes' },
    blocs: {
      western: { yes: 1, no: 4, abstain: 40 },
      nam: { yes: 104, no: 0, abstain: 3 },
      others: { yes: 14, no: 0, abstain: 2 },
    },
  },
};

/** What a delegation does about one resolution: its vote, whether it sponsors it, and which way it lobbies. */
export interface Stance {
  vote: Vote;
  sponsor: boolean;
  lobby: 'yes' | 'no' | undefined;
}

const VOTE_UNITS: Record<Vote, number> = { yes: 1, abstain: 0, no: -1 };

/** Stance units: how hard a delegation pulls the blocs towards yes (positive) or no (negative). */
export function stanceUnits(s: Stance): number {
  const own = s.sponsor && s.vote === 'yes' ? SPONSOR_STANCE : VOTE_UNITS[s.vote];
  return own + (s.lobby === 'yes' ? LOBBY_STANCE : s.lobby === 'no' ? -LOBBY_STANCE : 0);
}

/** The record's stance of a delegation on a topic (nobody lobbied in the record: it is in the bloc figures). */
function recordStance(topic: ResolutionTopic, d: Delegation): Stance {
  const rec = GA_RECORD[topic];
  return { vote: rec.votes[d], sponsor: rec.sponsors.includes(d), lobby: undefined };
}

/**
 * Moves a bloc `shift` steps towards yes (negative: towards no). Each step turns one abstaining state to yes
 * and one no to an abstention (or, towards no, one yes to an abstention and one abstention to a no), as far as
 * the record's split has such states; absent states stay absent.
 */
export function shifted(split: Split, shift: number): Split {
  const k = Math.abs(shift);
  if (shift >= 0) {
    const up = Math.min(k, split.abstain);
    const off = Math.min(k, split.no);
    return { yes: split.yes + up, no: split.no - off, abstain: split.abstain - up + off };
  }
  const down = Math.min(k, split.yes);
  const off = Math.min(k, split.abstain);
  return { yes: split.yes - down, no: split.no + off, abstain: split.abstain + down - off };
}

/** The General Assembly's tally: the three delegations' votes and each bloc's split. */
export interface Tally extends Split {
  blocs: Record<Bloc, Split>;
}

/**
 * Tallies a resolution on `topic`. Each bloc starts from the record's split and moves by the seats that follow
 * each delegation, for every stance unit it takes beyond its record stance; a delegation's standing at the UN
 * (legitimacy above or below 50) makes its pull stronger or weaker; a crisis swings some seats to yes.
 */
export function tallyAssembly(
  topic: ResolutionTopic,
  stances: Record<Delegation, Stance>,
  legitimacy: Record<Delegation, number>,
  tension: number,
): Tally {
  const total: Split = { yes: 0, no: 0, abstain: 0 };
  for (const d of DELEGATIONS) total[stances[d].vote]++;
  const blocs = {} as Record<Bloc, Split>;
  for (const b of BLOCS) {
    let pull = tension >= CRISIS_SWING_AT ? CRISIS_SWING : 0;
    for (const d of DELEGATIONS) {
      const standing = 1 + STANDING_PULL * (legitimacy[d] - 50);
      pull += SWAY[b][d] * (stanceUnits(stances[d]) * standing - stanceUnits(recordStance(topic, d)));
    }
    const split = shifted(GA_RECORD[topic].blocs[b], Math.round(pull));
    blocs[b] = split;
    total.yes += split.yes;
    total.no += split.no;
    total.abstain += split.abstain;
  }
  return { ...total, blocs };
}

/** Whether a delegation's vote goes against its home bloc's majority: yes where it mostly voted no, or the reverse. */
export function againstHomeBloc(d: Delegation, vote: Vote, blocs: Record<Bloc, Split>): boolean {
  const home = blocs[HOME_BLOC[d]];
  return (vote === 'yes' && home.no > home.yes) || (vote === 'no' && home.yes > home.no);
}
