import type { ScenarioSummary } from '../../shared/content/scenario.ts';
import { ROUND_PHASES } from '../../shared/model/phases.ts';
import { DELEGATIONS, type Delegation } from '../../shared/model/seats.ts';
import type { Viewer } from '../../shared/rules/views.ts';
import { type Message, PAIRS } from '../../shared/session/chat.ts';
import { headOf, rolesOf, type SessionModel } from '../../shared/session/model.ts';
import { intelligenceOf } from '../../shared/session/visibility.ts';
import { ChannelState, MemberState, MessageState, type SessionState, TeamState } from './state.ts';

/**
 * Copies the session model into the synced state. Only fields that differ are assigned, so a patch carries
 * just what a command changed.
 */
export function projectSession(
  model: SessionModel,
  state: SessionState,
  scenarios: readonly ScenarioSummary[],
): void {
  assign(state, 'version', model.version);
  assign(state, 'code', model.code);
  assign(state, 'stage', model.stage);
  assign(state, 'round', model.round);
  assign(state, 'phase', model.phase ?? '');
  assign(state, 'teamsLocked', model.teamsLocked);
  assign(state, 'practice', model.practice !== undefined);
  assign(
    state.host,
    'removed',
    model.removed?.length ? JSON.stringify(model.removed.map((r) => r.nickname)) : '',
  );

  const set = state.settings;
  assign(set, 'scenarioId', model.settings.scenarioId);
  assign(
    set,
    'scenarioTitle',
    scenarios.find((s) => s.id === model.settings.scenarioId)?.title ?? model.settings.scenarioId,
  );
  if (
    set.years.length !== model.settings.years.length ||
    set.years.some((y, i) => y !== model.settings.years[i])
  ) {
    set.years.clear();
    set.years.push(...model.settings.years);
  }
  assign(set, 'timersOn', model.settings.timersOn);
  for (const p of ROUND_PHASES) {
    if (set.phaseMinutes.get(p) !== model.settings.phaseMinutes[p])
      set.phaseMinutes.set(p, model.settings.phaseMinutes[p]);
  }
  assign(set, 'lockTeamsOnStart', model.settings.lockTeamsOnStart);
  assign(set, 'maxPerDelegation', model.settings.maxPerDelegation);

  for (const id of [...state.members.keys()]) if (!model.members[id]) state.members.delete(id);
  const { roles, heads } = seatingOf(model, state);
  for (const m of Object.values(model.members)) {
    let ms = state.members.get(m.id);
    if (!ms) {
      ms = new MemberState();
      ms.id = m.id;
      state.members.set(m.id, ms);
    }
    assign(ms, 'nickname', m.nickname);
    assign(ms, 'seat', m.seat);
    assign(ms, 'status', m.status);
    assign(ms, 'muted', Boolean(m.muted));
    assign(ms, 'roles', roles[m.id] ?? '');
  }

  for (const d of DELEGATIONS) {
    let ts = state.teams.get(d);
    if (!ts) {
      ts = new TeamState();
      state.teams.set(d, ts);
    }
    assign(ts, 'submitted', model.teams[d].submitted);
    assign(ts, 'draft', model.teams[d].draft);
    assign(ts, 'draftVersion', model.teams[d].draftVersion ?? 0);
    assign(ts, 'orders', JSON.stringify(model.teams[d].orders));
    assign(ts, 'headId', heads[d]);
    const withdrawn = model.teams[d].withdrawn;
    assign(ts, 'withdrawnBy', withdrawn ? withdrawn.by || 'card' : '');
    assign(ts, 'confirmedBy', withdrawn?.confirmedBy ?? '');
    assign(ts, 'bot', model.bots?.[d]?.level ?? '');
    const assessments = model.teams[d].assessments;
    assign(ts, 'assessments', assessments?.length ? JSON.stringify(assessments) : '');
    syncMessages(ts.chat, model.chat.team[d]);
  }
  assign(state, 'timerPaused', model.timerPaused);
  for (const pair of PAIRS) {
    let cs = state.channels.get(pair);
    if (!cs) {
      cs = new ChannelState();
      state.channels.set(pair, cs);
    }
    const channel = model.chat.channels[pair];
    assign(cs, 'status', channel.status);
    assign(cs, 'requestedBy', channel.requestedBy ?? '');
    syncMessages(cs.messages, channel.messages);
  }
  syncMessages(state.floor, model.chat.floor);
  projectWorld(model, state);
}

interface Seating {
  key: string; // what roles and heads depend on: each member's id, seat, status and given role, each desk's head
  roles: Record<string, string>; // member id -> "head,diplomat"
  heads: Record<Delegation, string>; // the member who confirms each delegation's orders ('' for none)
}
const seatings = new WeakMap<SessionState, Seating>();

/**
 * Who holds which roles and who heads each delegation, worked out again only when the seating changed: most
 * commands (a draft edit, a message) leave it as it was, and rolesOf sorts every member of each delegation.
 */
function seatingOf(model: SessionModel, state: SessionState): Seating {
  let key = '';
  for (const m of Object.values(model.members)) key += `${m.id}:${m.seat}:${m.status}:${m.role ?? ''};`;
  for (const d of DELEGATIONS) key += `${d}=${model.teams[d].headId ?? ''};`;
  const last = seatings.get(state);
  if (last?.key === key) return last;
  // Roles are held in a delegation only: a member in the gallery, not seated or gone holds none.
  const roles: Record<string, string> = {};
  const heads = {} as Record<Delegation, string>;
  for (const d of DELEGATIONS) {
    for (const [id, r] of Object.entries(rolesOf(model, d))) roles[id] = r.join(',');
    heads[d] = headOf(model, d)?.id ?? '';
  }
  const seating = { key, roles, heads };
  seatings.set(state, seating);
  return seating;
}

const projected = new WeakMap<SessionState, { world: unknown; ended: boolean }>();

/**
 * Writes the world's layers, each the world as one standpoint may know it (shared/session/visibility.ts): the
 * class's for all, each delegation's on its desk, the teacher's behind the host field. The world changes only at
 * the start and at each resolution, so the layers are rebuilt only then, and once more when the session ends.
 */
function projectWorld(model: SessionModel, state: SessionState) {
  const ended = model.stage === 'ended';
  const last = projected.get(state);
  if (last && last.world === model.world && last.ended === ended) return;
  projected.set(state, { world: model.world, ended });
  const layer = (viewer: Viewer) => {
    const view = intelligenceOf(model, viewer);
    return view ? JSON.stringify(view) : '';
  };
  assign(state, 'world', layer('public'));
  assign(state.host, 'world', layer('teacher'));
  for (const d of DELEGATIONS) {
    const ts = state.teams.get(d);
    if (ts) assign(ts, 'secret', layer(d));
  }
}

function assign<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): void {
  if (target[key] !== value) target[key] = value;
}

/** Keeps a synced message list equal to the model's: append the new ones, drop the oldest the model dropped. */
function syncMessages(
  list: {
    length: number;
    at(i: number): MessageState | undefined;
    push(...m: MessageState[]): number;
    shift(): MessageState | undefined;
  },
  messages: readonly Message[],
) {
  const firstId = messages[0]?.id;
  while (list.length > 0 && (firstId === undefined || (list.at(0)?.id ?? 0) < firstId)) list.shift();
  const lastId = list.length > 0 ? (list.at(list.length - 1)?.id ?? 0) : 0;
  for (const m of messages) {
    if (m.id <= lastId) continue;
    const ms = new MessageState();
    ms.id = m.id;
    ms.from = m.from;
    ms.nickname = m.nickname;
    ms.seat = m.seat;
    ms.text = m.text;
    ms.round = m.round;
    list.push(ms);
  }
}
