/**
 * The synced state under random classes, without a server: the model is projected step by step into one
 * SessionState, as the room does, and every onlooker's connection is played by a StateView the room's own code
 * fills (showOnly with syncedSight) and a decoder fed the same patches Colyseus would send. After every step each
 * connection decodes exactly what the visibility rule gives it, and at the end the state projected step by step
 * equals the final model projected into a fresh state.
 */
import { Decoder, Encoder, StateView } from '@colyseus/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readContent } from '../../server/content.ts';
import { projectSession } from '../../server/sync/project.ts';
import { showOnly, syncedSight } from '../../server/sync/sight.ts';
import { SessionState } from '../../server/sync/state.ts';
import type { SessionModel } from '../../shared/session/model.ts';
import { channelsIn, desksIn, type Onlooker, type Sight, sightOf } from '../../shared/session/visibility.ts';
import { foldClass, MEMBER_IDS, startClass, steps } from '../shared/randomClass.ts';

const NUM_RUNS = 60;
const scenarios = readContent('content').scenarios;
Encoder.BUFFER_SIZE = Math.max(Encoder.BUFFER_SIZE, 128 * 1024); // as the server sets it (server/app.ts)

const ONLOOKERS: Onlooker[] = [
  { kind: 'teacher' },
  { kind: 'projector' },
  ...MEMBER_IDS.map((memberId): Onlooker => ({ kind: 'member', memberId })),
];

type Json = Record<string, unknown>;

/** One connection: what the room keeps for it (its StateView) and what its browser keeps (a decoded state). */
interface Connection {
  onlooker: Onlooker;
  view: StateView;
  decoder: Decoder<SessionState>;
}

/** A room without sockets: the synced state, its encoder, and connections that decode its patches. */
function room(model: SessionModel) {
  const state = new SessionState();
  projectSession(model, state, scenarios);
  const encoder = new Encoder(state);
  const connections: Connection[] = [];

  /** What the room does after each accepted command: project, refresh every view, send the patch. */
  const step = (next: SessionModel) => {
    projectSession(next, state, scenarios);
    refresh(next);
    const it = { offset: 0 };
    const shared = encoder.encode(it);
    const sharedOffset = it.offset;
    for (const c of connections) {
      const bytes =
        encoder.hasChanges || c.view.changes.size > 0 ? encoder.encodeView(c.view, sharedOffset, it) : shared;
      c.decoder.decode(bytes);
    }
    encoder.discardChanges();
  };
  const refresh = (m: SessionModel) => {
    for (const c of connections) showOnly(c.view, state, syncedSight(state, sightOf(m, c.onlooker)));
  };
  /** A connection that joins now: its view is filled, then it decodes the full state. */
  const join = (m: SessionModel, onlooker: Onlooker): Connection => {
    const c: Connection = { onlooker, view: new StateView(), decoder: new Decoder(new SessionState()) };
    showOnly(c.view, state, syncedSight(state, sightOf(m, onlooker)));
    const it = { offset: 0 };
    encoder.encodeAll(it);
    const sharedOffset = it.offset;
    c.decoder.decode(encoder.encodeAllView(c.view, sharedOffset, it));
    return c;
  };
  return { state, encoder, connections, step, join };
}

/** The synced state a connection with this sight must decode: the full state with what it may not see blanked. */
function expectedFor(full: Json, sight: Sight): Json {
  const out = structuredClone(full) as {
    teams: Record<string, Json>;
    channels: Record<string, Json>;
    host?: Json;
  };
  const desks: string[] = desksIn(sight);
  const channels: string[] = channelsIn(sight);
  for (const [d, team] of Object.entries(out.teams))
    if (!desks.includes(d)) {
      delete team.draft;
      delete team.orders;
      delete team.draftVersion; // the notes' version is the team's, like the notes
      delete team.secret;
      delete team.chat;
      delete team.assessments; // the analyst's written assessments are the team's
    }
  for (const [pair, channel] of Object.entries(out.channels))
    if (!channels.includes(pair)) delete channel.messages;
  if (sight.viewer !== 'teacher') delete out.host;
  return out as Json;
}

/** A decoded state as JSON. The host field is the decoder's own empty default for all but the teacher. */
function decoded(c: Connection, sight: Sight): Json {
  const json = c.decoder.state.toJSON() as Json & { host?: { world?: string } };
  if (sight.viewer !== 'teacher') {
    expect(json.host?.world ?? '', 'the teacher’s world reached another connection').toBe('');
    delete json.host;
  }
  return json;
}

describe('the synced state under random classes', () => {
  it('holds for each connection exactly what the visibility rule gives it, after every step', () => {
    fc.assert(
      fc.property(steps, fc.nat({ max: 40 }), (list, lateAt) => {
        const first = startClass();
        const r = room(first);
        for (const o of ONLOOKERS) r.connections.push(r.join(first, o));
        let n = 0;
        foldClass(list, (s) => {
          r.step(s);
          // Connections that join midway get the full state with their view, then patches like the others.
          if (n++ === lateAt) for (const o of ONLOOKERS) r.connections.push(r.join(s, o));
          const full = r.state.toJSON() as Json;
          for (const c of r.connections) {
            const sight = sightOf(s, c.onlooker);
            expect(decoded(c, sight), `${JSON.stringify(c.onlooker)} as ${sight.viewer}`).toEqual(
              expectedFor(full, sight),
            );
          }
        });
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('projected step by step, equals the final model projected into a fresh state', () => {
    fc.assert(
      fc.property(steps, (list) => {
        const live = new SessionState();
        projectSession(startClass(), live, scenarios);
        const final = foldClass(list, (s) => projectSession(s, live, scenarios));
        const fresh = new SessionState();
        projectSession(final, fresh, scenarios);
        expect(live.toJSON()).toEqual(fresh.toJSON());
        // And on the wire: both full encodings decode to the same state.
        const decode = (state: SessionState) => {
          const encoder = new Encoder(state);
          const decoder = new Decoder(new SessionState());
          decoder.decode(encoder.encodeAll());
          return decoder.state.toJSON();
        };
        expect(decode(live)).toEqual(decode(fresh));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
