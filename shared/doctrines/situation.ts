/**
 * What every doctrine reads and the pieces they share: the situation a delegation sees, whether others defected,
 * each power's own programme and the texts' procedure. Used by the tournament's doctrines (doctrines.ts) and the
 * bots' record doctrines (shared/bots/doctrines.ts).
 */
import type { Delegation } from '../model/seats.ts';
import { DRAFTS } from '../rules/model.ts';
import type { Order } from '../rules/orders.ts';
import type { WorldView } from '../rules/views.ts';

/**
 * What a doctrine reads: the world as its own delegation sees it now, and as it saw it at the start of the
 * previous round (undefined in round 1). A doctrine never sees more than the delegation's screen shows.
 */
export interface Situation {
  me: Delegation;
  now: WorldView;
  before: WorldView | undefined;
  seed?: number; // the game's seed, for doctrines that draw (the bots' record doctrines); absent reads as 0
}

/**
 * Each power's own space programme, which every doctrine but idle pursues with what its priorities leave: lunar
 * for the US the Artemis Accords' partners, then missions; for China its Chang'e missions first, then ILRS
 * partners and engines bought from Russia; for Russia engine sales to China first, then the ILRS.
 */
export const programme = (me: Delegation): Order[] =>
  me === 'us'
    ? [{ kind: 'lunarPartnership', bloc: 'artemis' }, { kind: 'lunarMission' }]
    : me === 'china'
      ? [
          { kind: 'lunarMission' },
          { kind: 'lunarPartnership', bloc: 'ilrs' },
          { kind: 'techDeal', with: 'russia', deal: 'rocketEngines' },
        ]
      : [
          { kind: 'techDeal', with: 'china', deal: 'rocketEngines' },
          { kind: 'lunarPartnership', bloc: 'ilrs' },
          { kind: 'lunarMission' },
        ];

/**
 * The texts' procedure, free or cheap, first: accept amendments proposed to its own texts, then sign and
 * ratify adopted texts. The US binds itself only to texts with verification; China and Russia to any.
 */
export function treatyWork({ me, now }: Situation): Order[] {
  const orders: Order[] = [];
  for (const draft of DRAFTS) {
    const text = now.drafts[draft];
    if (text.sponsors.includes(me))
      for (const a of text.amendments.filter((x) => x.round === now.round))
        orders.push({ kind: 'answerAmendment', draft, clause: a.clause, answer: 'accept' });
    if (text.adoptedRound === undefined || text.parties.includes(me)) continue;
    if (me === 'us' && !text.clauses.verification) continue;
    orders.push(
      text.signatures.some((x) => x.by === me)
        ? { kind: 'ratifyTreaty', draft }
        : { kind: 'signTreaty', draft },
    );
  }
  return orders;
}

/**
 * Whether anyone else armed or breached a rule in the last round, as far as this delegation can see: an order
 * of another's raised a counterspace level it can see, or a violation by another came to light. Capabilities a
 * card gave (the record) are not a defection.
 */
export function othersDefected({ me, now, before }: Situation): boolean {
  const armed = now.changes.some(
    (c) =>
      c.source.kind === 'order' &&
      c.source.by !== me &&
      c.delta > 0 &&
      c.target.startsWith(`capability.${c.source.by}.counterspace.`),
  );
  const breached = now.violations
    .slice(before?.violations.length ?? 0)
    .some((v) => v.by !== me && v.round >= now.round);
  return armed || breached;
}
