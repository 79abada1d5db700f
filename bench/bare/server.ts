/**
 * The baseline of `npm run bench:load -- --bare`: a bare Colyseus room doing the work the load generator asks of
 * PAROS, and nothing more. Each delegation's desk (draft, orders) is hidden from the others by a StateView, as
 * PAROS hides it; every accepted action bumps a public version, sends the patch at once and replies with the
 * version, as PAROS does. No rules, no log, no validation, no rate limits: the difference in server CPU per action
 * between the two is what PAROS's own work costs. It answers the few HTTP calls the generator makes (create a
 * session, find it by code, /healthz) and nothing else.
 */
import { createServer } from 'node:http';
import { type Client, defineRoom, defineServer, matchMaker, Room } from '@colyseus/core';
import { schema, StateView, t } from '@colyseus/schema';
import { WebSocketTransport } from '@colyseus/ws-transport';
import express from 'express';

const BareTeam = schema(
  {
    submitted: t.boolean().default(false),
    draft: t.string().default('').view(),
    orders: t.string().default('[]').view(),
  },
  'BareTeam',
);
type BareTeam = InstanceType<typeof BareTeam>;

const BareState = schema(
  {
    version: t.uint32().default(0),
    phase: t.string().default('lobby'),
    teams: t.map(BareTeam),
  },
  'BareState',
);
type BareState = InstanceType<typeof BareState>;

const NEXT: Record<string, string> = { lobby: 'briefing', briefing: 'negotiation', negotiation: 'orders' };

interface Seat {
  role: string;
  team?: string;
}

let roomsMade = 0; // /healthz counts them as PAROS counts its sessions

class BareRoom extends Room<{ state: BareState }> {
  override autoDispose = false;
  override maxMessagesPerSecond = 30;

  private accepted(): { version: number } {
    this.state.version++;
    this.broadcastPatch();
    return { version: this.state.version };
  }

  private team(client: Client): BareTeam | undefined {
    const team = (client.userData as Seat | undefined)?.team;
    return team ? this.state.teams.get(team) : undefined;
  }

  override messages = {
    updateSettings: () => this.accepted(),
    startSession: () => {
      this.state.phase = 'briefing';
      return this.accepted();
    },
    advancePhase: () => {
      this.state.phase = NEXT[this.state.phase] ?? this.state.phase;
      return this.accepted();
    },
    chooseSeat: (client: Client, payload: { seat?: string }) => {
      const team = this.state.teams.get(String(payload?.seat));
      if (!team) return undefined;
      (client.userData as Seat).team = String(payload.seat);
      client.view?.add(team);
      return this.accepted();
    },
    editDraft: (client: Client, payload: { text?: string }) => {
      const team = this.team(client);
      if (team) team.draft = String(payload?.text ?? '');
      return this.accepted();
    },
    setOrders: (client: Client, payload: { orders?: unknown }) => {
      const team = this.team(client);
      if (team) {
        team.orders = JSON.stringify(payload?.orders ?? []);
        team.submitted = false;
      }
      return this.accepted();
    },
    submitOrders: (client: Client) => {
      const team = this.team(client);
      if (team) team.submitted = true;
      return this.accepted();
    },
  };

  override onCreate() {
    roomsMade++;
    this.state = new BareState();
    for (const team of ['us', 'china', 'russia']) this.state.teams.set(team, new BareTeam());
  }

  override onJoin(client: Client, options: { role?: string }) {
    const role = String(options?.role ?? 'student');
    client.userData = { role } satisfies Seat;
    client.view = new StateView();
    if (role === 'teacher') for (const team of this.state.teams.values()) client.view.add(team);
    client.send('welcome', { memberId: client.sessionId });
  }
}

const http = createServer();
const server = defineServer({
  greet: false,
  gracefullyShutdown: false,
  transport: new WebSocketTransport({ server: http, pingInterval: 5000, pingMaxRetries: 3 }),
  rooms: { bare: defineRoom(BareRoom) },
  express: (app) => {
    app.use(express.json());
    app.get('/healthz', (_req, res) => {
      res.json({ ok: true, sessions: roomsMade });
    });
    app.post('/api/sessions', async (_req, res) => {
      const room = await matchMaker.createRoom('bare', {});
      res.json({ code: room.roomId, hostSecret: '', roomId: room.roomId });
    });
    app.get('/api/sessions/:code', (req, res) => {
      res.json({ roomId: req.params.code });
    });
  },
});
await server.listen(Number(process.env.PORT ?? 2567), process.env.HOST ?? '127.0.0.1');
console.log('The bare Colyseus room is ready.');
