/**
 * Who sees what, under random classes: whatever students and teacher do, no onlooker's sight holds another
 * delegation's secret (its notes, orders, team chat, the channels it talks in, its private world view), the
 * teacher's holds every one, and an event is told in full exactly to those who may read what it touched.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DELEGATIONS, isDelegation } from '../../shared/model/seats.ts';
import { viewFor, type Viewer } from '../../shared/rules/views.ts';
import { PAIRS, partiesOf } from '../../shared/session/chat.ts';
import type { SessionModel } from '../../shared/session/model.ts';
import { type Onlooker, readsEvent, type Sight, sightOf } from '../../shared/session/visibility.ts';
import { foldClass, MEMBER_IDS, steps } from './randomClass.ts';

const NUM_RUNS = 100;

/** Every onlooker there can be: the teacher, the projector, each member id, and the replay through any eyes. */
const ONLOOKERS: Onlooker[] = [
  { kind: 'teacher' },
  { kind: 'projector' },
  ...MEMBER_IDS.map((memberId): Onlooker => ({ kind: 'member', memberId })),
  ...(['teacher', 'public', ...DELEGATIONS] as Viewer[]).map(
    (viewer): Onlooker => ({ kind: 'eyes', viewer }),
  ),
];

/** Where an onlooker stands, from the model directly: a member stands with the delegation it sits at. */
function expectedStandpoint(s: SessionModel, o: Onlooker): Viewer {
  if (o.kind === 'teacher') return 'teacher';
  if (o.kind === 'projector') return 'public';
  if (o.kind === 'eyes') return o.viewer;
  const seat = s.members[o.memberId]?.seat;
  return seat && isDelegation(seat) ? seat : 'public';
}

const markers = (text: string) => text.match(/~s\d+~/g) ?? [];

/** The markers of the secrets `viewer` must not hold: other desks' notes, other team chats, channels it is not in. */
function forbiddenMarkers(s: SessionModel, viewer: Viewer): string[] {
  if (viewer === 'teacher') return [];
  const out: string[] = [];
  for (const d of DELEGATIONS) {
    if (d === viewer) continue;
    out.push(...markers(s.teams[d].draft));
    for (const a of s.teams[d].assessments ?? []) out.push(...markers(a.why));
    for (const m of s.chat.team[d]) out.push(...markers(m.text));
  }
  for (const pair of PAIRS) {
    if (isDelegation(viewer) && partiesOf(pair).includes(viewer)) continue;
    for (const m of s.chat.channels[pair].messages) out.push(...markers(m.text));
  }
  return out;
}

function expectNoLeak(s: SessionModel, o: Onlooker, sight: Sight) {
  const viewer = expectedStandpoint(s, o);
  const mine = (d: string) => viewer === 'teacher' || viewer === d;
  const inChannel = (pair: string) =>
    viewer === 'teacher' || (isDelegation(viewer) && pair.split('-').includes(viewer));
  const { world, ...talksAndDesks } = sight; // the world is checked below, by what viewFor gives
  const text = JSON.stringify(talksAndDesks);
  // One assertion a sight (the fold calls this thousands of times): the list of what it holds that it must not.
  const leaks = [
    ...(sight.viewer === viewer ? [] : [`stands as ${sight.viewer}`]),
    ...forbiddenMarkers(s, viewer).filter((m) => text.includes(m)),
    ...Object.keys(sight.desks)
      .filter((d) => !mine(d))
      .map((d) => `${d} desk`),
    ...Object.keys(sight.teamChats)
      .filter((d) => !mine(d))
      .map((d) => `${d} team chat`),
    ...Object.keys(sight.channels)
      .filter((p) => !inChannel(p))
      .map((p) => `${p} channel`),
    ...(s.world ? [] : world ? ['a world before round 1'] : []),
    // At the end, the world-level filter opens every delegation's dashboard to all.
    ...(s.stage === 'ended'
      ? []
      : Object.keys(world?.secrets ?? {})
          .filter((d) => !mine(d))
          .map((d) => `${d} dashboard`)),
  ];
  expect(leaks, `${JSON.stringify(o)} standing as ${viewer}`).toEqual([]);
}

// Thousands of folded steps each: on a busy machine they take longer than Vitest's default 5 s.
describe('sightOf under random classes', { timeout: 60_000 }, () => {
  it('never gives an onlooker another delegation’s secret', () => {
    fc.assert(
      fc.property(steps, (list) => {
        const s = foldClass(list, (each) => {
          for (const o of ONLOOKERS) expectNoLeak(each, o, sightOf(each, o));
        });
        // Each standpoint's world is the world-level filter's, computed afresh.
        const standpoints = new Set(ONLOOKERS.map((o) => expectedStandpoint(s, o)));
        if (s.world)
          for (const v of standpoints)
            expect(sightOf(s, { kind: 'eyes', viewer: v }).world).toEqual(
              viewFor(s.world, v, s.stage === 'ended'),
            );
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('gives its own desk, team chat and channels to each delegation, and all of them to the teacher', () => {
    fc.assert(
      fc.property(steps, (list) => {
        const s = foldClass(list);
        const teacher = sightOf(s, { kind: 'teacher' });
        for (const d of DELEGATIONS) {
          expect(teacher.desks[d]).toBe(s.teams[d]);
          expect(teacher.teamChats[d]).toBe(s.chat.team[d]);
        }
        for (const pair of PAIRS) expect(teacher.channels[pair]).toBe(s.chat.channels[pair].messages);
        for (const m of Object.values(s.members)) {
          const sight = sightOf(s, { kind: 'member', memberId: m.id });
          expect(sight.floor).toBe(s.chat.floor);
          if (!isDelegation(m.seat)) continue;
          expect(sight.desks[m.seat]).toBe(s.teams[m.seat]);
          expect(sight.teamChats[m.seat]).toBe(s.chat.team[m.seat]);
          for (const pair of PAIRS)
            if (partiesOf(pair).includes(m.seat))
              expect(sight.channels[pair]).toBe(s.chat.channels[pair].messages);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('tells an event in full only to those who can read what it touched', () => {
    fc.assert(
      fc.property(steps, (list) => {
        foldClass(list, (s, events) => {
          for (const o of ONLOOKERS) {
            const sight = sightOf(s, o);
            for (const e of events) {
              const reads = readsEvent(sight, e);
              if (sight.viewer === 'teacher') expect(reads, e.type).toBe(true);
              if (e.type === 'draftEdited' || e.type === 'ordersSet' || e.type === 'ordersWithdrawn')
                expect(reads, `${e.type} of ${e.seat} for ${sight.viewer}`).toBe(
                  sight.viewer === 'teacher' || sight.viewer === e.seat,
                );
              if (e.type === 'messagePosted') {
                const message = [
                  ...s.chat.floor,
                  ...DELEGATIONS.flatMap((d) => s.chat.team[d]),
                  ...PAIRS.flatMap((p) => s.chat.channels[p].messages),
                ].find((m) => m.id === e.messageId);
                // A message is read where its words reach: its marker is in the sight exactly then.
                const text = JSON.stringify([sight.floor, sight.teamChats, sight.channels]);
                for (const m of markers(message?.text ?? '')) expect(text.includes(m), m).toBe(reads);
              }
              if (e.type === 'cardRevealed') {
                const card = s.world?.cards.find((c) => c.card.id === e.cardId);
                const inAudience =
                  !card?.audience ||
                  sight.viewer === 'teacher' ||
                  (isDelegation(sight.viewer) && card.audience.includes(sight.viewer));
                const where = `${e.cardId} for ${sight.viewer}`;
                if (inAudience) expect(reads, where).toBe(true);
                // Outside the audience, the card stays unnamed while its round is under way.
                else if (s.stage !== 'ended' && (s.world?.round ?? 0) < (card?.round ?? 0))
                  expect(reads, where).toBe(false);
                // The narration names a card exactly when the world view shows it.
                expect(reads, where).toBe(sight.world?.cards.some((c) => c.card.id === e.cardId) ?? false);
              }
            }
          }
        });
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
