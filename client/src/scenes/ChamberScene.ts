import Phaser from 'phaser';
import { UN_BLOC_NAMES } from '../../../shared/content/labels.ts';
import { DELEGATION_NAMES, DELEGATIONS, type Delegation } from '../../../shared/model/seats.ts';
import { ADOPTION_AT } from '../../../shared/rules/diplomacy.ts';
import { type Bloc, DRAFTS, type DraftId, type Vote } from '../../../shared/rules/model.ts';
import type { WorldView } from '../../../shared/rules/views.ts';
import {
  bake,
  drawShape,
  GOLD,
  fitWidth,
  HEIGHT,
  HUD_HEIGHT,
  LINE,
  MUTED,
  PANEL,
  type SceneInput,
  seatColour,
  sketch,
  textStyle,
  ViewScene,
  WIDTH,
} from './common.ts';
import { DRAFT_LABELS, type Floor, floorHolder, floorName, lastVotes, TOPIC_LABELS } from './facts.ts';

/** The horseshoe: an ellipse arc open at the top, where the President's dais stands. */
const HX = 255;
const HY = 262;
const RX = 170;
const RY = 190;
const at = (deg: number) => ({
  x: HX + RX * Math.cos((deg * Math.PI) / 180),
  y: HY + RY * Math.sin((deg * Math.PI) / 180),
});
type SeatId = Delegation | Bloc;
/** Seats along the horseshoe, from the upper left round the foot to the upper right. */
const SEATS: { id: SeatId; deg: number }[] = [
  { id: 'western', deg: 202 },
  { id: 'us', deg: 158 },
  { id: 'others', deg: 122 },
  { id: 'nam', deg: 58 },
  { id: 'china', deg: 22 },
  { id: 'russia', deg: -22 },
];
const SEAT_W = 170;
const BLOC_W = 150;
const SEAT_H = 44;
const BAR_X = 520;
const BAR_W = 400;
const DRAFT_Y = HUD_HEIGHT + 50;
const DRAFT_ROW = 64;
const VOTE_LETTER: Record<Vote, string> = { yes: 'Y', no: 'N', abstain: 'A' };

const isDelegation = (id: SeatId): id is Delegation => (DELEGATIONS as readonly string[]).includes(id);

/**
 * The Conference on Disarmament in Geneva: the three delegations and the UN's voting blocs around the
 * horseshoe, who spoke last from the floor, the texts on the table with their momentum against the adoption
 * line, and the latest votes. A view only: every number comes from the world it is given.
 */
export class ChamberScene extends ViewScene {
  private layer!: Phaser.GameObjects.Container;

  constructor() {
    super('chamber');
  }

  protected override build() {
    const g = sketch(this);
    const points: Phaser.Math.Vector2[] = [];
    for (let deg = 208; deg >= -28; deg -= 4) {
      const p = at(deg);
      points.push(new Phaser.Math.Vector2(p.x, p.y));
    }
    g.lineStyle(30, 0x14304f, 1).strokePoints(points, false, false);
    g.fillStyle(0x14304f, 1).fillRoundedRect(HX - 90, HUD_HEIGHT + 12, 180, 34, 8);
    g.lineStyle(2, LINE, 1).strokeRoundedRect(HX - 90, HUD_HEIGHT + 12, 180, 34, 8);
    this.add
      .text(HX, HUD_HEIGHT + 29, 'President · Secretariat', textStyle(14, { color: '#cfe0f5' }))
      .setOrigin(0.5);
    g.fillStyle(PANEL, 0.92).fillRoundedRect(BAR_X - 20, HUD_HEIGHT + 8, 450, 540 - HUD_HEIGHT - 16, 10);
    bake(this, g, 'chamber-back', 0, 0, WIDTH, HEIGHT).setDepth(-1);
    this.layer = this.add.container(0, 0);
  }

  protected override deps(input: SceneInput) {
    const floor = floorHolder(input.view, input.world);
    return [input.world, floor && `${floor.by}:${floor.round}:${floor.text}`];
  }

  protected override draw({ view, world }: SceneInput) {
    this.layer.removeAll(true);
    if (!world) {
      this.layer.add(
        this.add.text(
          BAR_X,
          80,
          'The chamber fills when round 1 begins.',
          textStyle(16, { wordWrap: { width: 400 } }),
        ),
      );
      return;
    }
    const g = sketch(this);
    this.drawSeats(g, world, floorHolder(view, world));
    this.drawDrafts(g, world);
    this.drawVotes(g, world);
    this.layer.addAt(bake(this, g, 'chamber-view', 0, 0, WIDTH, HEIGHT), 0);
  }

  private add_(...objects: Phaser.GameObjects.GameObject[]) {
    this.layer.add(objects);
  }

  private drawSeats(g: Phaser.GameObjects.Graphics, w: WorldView, floor: Floor | undefined) {
    const latest = lastVotes(w, 1)[0];
    for (const seat of SEATS) {
      const { x, y } = at(seat.deg);
      if (isDelegation(seat.id)) {
        const d = seat.id;
        g.fillStyle(seatColour(d), 1).fillRoundedRect(x - SEAT_W / 2, y - SEAT_H / 2, SEAT_W, SEAT_H, 8);
        drawShape(g, d, x - SEAT_W / 2 + 16, y, 16, 0x061222, 0xffffff);
        this.add_(
          fitWidth(
            this.add
              .text(
                x - SEAT_W / 2 + 30,
                y,
                DELEGATION_NAMES[d],
                textStyle(16, { fontStyle: 'bold', color: '#ffffff' }),
              )
              .setOrigin(0, 0.5),
            SEAT_W - 50,
          ),
        );
        if (floor?.by === d) {
          g.lineStyle(4, GOLD, 1).strokeRoundedRect(
            x - SEAT_W / 2 - 5,
            y - SEAT_H / 2 - 5,
            SEAT_W + 10,
            SEAT_H + 10,
            10,
          );
          this.add_(
            this.add
              .text(
                x,
                y - SEAT_H / 2 - 8,
                'HAS THE FLOOR',
                textStyle(13, { color: '#f0e442', fontStyle: 'bold' }),
              )
              .setOrigin(0.5, 1),
          );
        }
        if (latest) {
          const vote = latest.result.votes[d];
          this.add_(
            this.add
              .text(
                x + SEAT_W / 2 - 4,
                y + SEAT_H / 2 - 2,
                VOTE_LETTER[vote],
                textStyle(12, {
                  fontStyle: 'bold',
                  color: '#061222',
                  backgroundColor: '#f2f5f9',
                  padding: { x: 3, y: 0 },
                }),
              )
              .setOrigin(1, 1),
          );
        }
      } else {
        g.fillStyle(0x3a4d63, 1).fillRoundedRect(x - BLOC_W / 2, y - SEAT_H / 2, BLOC_W, SEAT_H, 8);
        g.lineStyle(1.5, 0x8ea3bb, 1).strokeRoundedRect(x - BLOC_W / 2, y - SEAT_H / 2, BLOC_W, SEAT_H, 8);
        this.add_(
          this.add
            .text(
              x,
              y,
              UN_BLOC_NAMES[seat.id],
              textStyle(12, { color: '#f2f5f9', align: 'center', wordWrap: { width: BLOC_W - 8 } }),
            )
            .setOrigin(0.5),
        );
      }
    }
    // The middle of the horseshoe: the last statement made from the floor.
    this.add_(
      this.add
        .text(HX, HY - 86, 'The floor', textStyle(15, { color: MUTED, fontStyle: 'bold' }))
        .setOrigin(0.5, 0),
    );
    if (floor?.by === 'chair') {
      g.lineStyle(4, GOLD, 1).strokeRoundedRect(HX - 95, HUD_HEIGHT + 7, 190, 44, 10);
    }
    const said = floor
      ? `${floorName(floor)} (round ${floor.round}): “${floor.text}”`
      : 'No delegation has made a statement yet.';
    this.add_(
      this.add
        .text(
          HX,
          HY - 62,
          said,
          textStyle(15, { align: 'center', wordWrap: { width: 150 }, maxLines: 6, lineSpacing: 2 }),
        )
        .setOrigin(0.5, 0),
    );
  }

  private drawDrafts(g: Phaser.GameObjects.Graphics, w: WorldView) {
    this.add_(
      this.add.text(BAR_X, HUD_HEIGHT + 16, 'Texts at the Conference', textStyle(18, { fontStyle: 'bold' })),
    );
    const lineX = BAR_X + (BAR_W * ADOPTION_AT) / 100;
    DRAFTS.forEach((id, i) => {
      const d = w.drafts[id];
      const y = DRAFT_Y + i * DRAFT_ROW;
      const adopted = d.adoptedRound !== undefined;
      const status = adopted
        ? `ADOPTED ✓ round ${d.adoptedRound} · signed ${(d.signatures ?? []).length}, ratified ${d.parties.length}`
        : d.tabled
          ? `tabled · momentum ${d.momentum}`
          : `not tabled · momentum ${d.momentum}`;
      this.add_(
        fitWidth(this.add.text(BAR_X, y, DRAFT_LABELS[id], textStyle(15, { fontStyle: 'bold' })), 180),
      );
      const by = adopted ? d.parties : d.sponsors;
      this.add_(
        fitWidth(
          this.add.text(
            BAR_X + 190,
            y + 1,
            status,
            textStyle(14, { color: adopted ? '#f0e442' : '#cfe0f5', fontStyle: adopted ? 'bold' : 'normal' }),
          ),
          BAR_W - 190 - 8 - by.length * 18,
        ),
      );
      by.forEach((p, k) => {
        drawShape(g, p, BAR_X + BAR_W - 8 - k * 18, y + 9, 12);
      });
      const barY = y + 24;
      g.fillStyle(0x27415f, 1).fillRect(BAR_X, barY, BAR_W, 16);
      const fill = adopted ? GOLD : d.tabled ? 0xcfe0f5 : 0x7f93aa;
      g.fillStyle(fill, 1).fillRect(BAR_X, barY, (BAR_W * d.momentum) / 100, 16);
      if (!d.tabled && !adopted) {
        // Not tabled: hatched, so it reads without the colour.
        g.lineStyle(1, 0x27415f, 1);
        for (let x = BAR_X + 6; x < BAR_X + (BAR_W * d.momentum) / 100; x += 8)
          g.lineBetween(x, barY, x - 6, barY + 16);
      }
      g.lineStyle(1, 0x8ea3bb, 1).strokeRect(BAR_X, barY, BAR_W, 16);
      g.lineStyle(3, GOLD, 1).lineBetween(lineX, barY - 4, lineX, barY + 20);
    });
    this.add_(
      this.add
        .text(
          lineX,
          DRAFT_Y + 3 * DRAFT_ROW - 6,
          `adoption at ${ADOPTION_AT}`,
          textStyle(12, { color: '#f0e442' }),
        )
        .setOrigin(0.5, 0),
    );
    const sponsorNote = this.add.text(
      BAR_X,
      DRAFT_Y + 3 * DRAFT_ROW + 10,
      'Shapes after a text: its sponsors (once adopted, its parties: those who ratified).',
      textStyle(12, { color: MUTED }),
    );
    this.add_(fitWidth(sponsorNote, BAR_W));
  }

  private drawVotes(g: Phaser.GameObjects.Graphics, w: WorldView) {
    let y = DRAFT_Y + 3 * DRAFT_ROW + 38;
    this.add_(this.add.text(BAR_X, y, 'Latest UN votes', textStyle(18, { fontStyle: 'bold' })));
    y += 28;
    const votes = lastVotes(w, 3).reverse();
    const pending = w.resolutions.filter((r) => !r.result && r.proposedRound === w.round);
    if (!votes.length)
      this.add_(
        this.add.text(BAR_X, y, 'No resolution has been voted yet.', textStyle(14, { color: MUTED })),
      );
    for (const v of votes) {
      const { yes, no, abstain, adopted } = v.result;
      this.add_(
        fitWidth(
          this.add.text(
            BAR_X,
            y,
            `${TOPIC_LABELS[v.topic]}: ${adopted ? 'adopted' : 'rejected'} ${yes}–${no}, ${abstain} abstaining`,
            textStyle(14, { fontStyle: 'bold', color: adopted ? '#f0e442' : '#f2f5f9' }),
          ),
          BAR_W,
        ),
      );
      const total = Math.max(1, yes + no + abstain);
      const barY = y + 21;
      let x = BAR_X;
      const part = (n: number, colour: number, label: string) => {
        const wPart = (BAR_W * 0.62 * n) / total;
        g.fillStyle(colour, 1).fillRect(x, barY, wPart, 12);
        if (wPart > 30)
          this.add_(
            this.add
              .text(x + 3, barY + 6, label, textStyle(10, { color: '#061222', fontStyle: 'bold' }))
              .setOrigin(0, 0.5),
          );
        x += wPart;
      };
      part(yes, 0xcfe0f5, 'yes');
      part(no, 0x7f93aa, 'no');
      part(abstain, 0x3a4d63, '');
      g.lineStyle(1, 0x8ea3bb, 1).strokeRect(BAR_X, barY, BAR_W * 0.62, 12);
      DELEGATIONS.forEach((d, k) => {
        const vx = BAR_X + BAR_W * 0.62 + 20 + k * 44;
        drawShape(g, d, vx, barY + 6, 12);
        this.add_(
          this.add
            .text(vx + 9, barY + 6, VOTE_LETTER[v.result.votes[d]], textStyle(13, { fontStyle: 'bold' }))
            .setOrigin(0, 0.5),
        );
      });
      y += 46;
    }
    if (pending.length)
      this.add_(
        this.add.text(
          BAR_X,
          y,
          `Up for a vote: ${pending.map((r) => TOPIC_LABELS[r.topic]).join(', ')}`,
          textStyle(13, { color: '#cfe0f5', wordWrap: { width: BAR_W } }),
        ),
      );
  }

  protected override flash(keys: Set<string>) {
    let n = 0;
    for (const seat of SEATS)
      if (isDelegation(seat.id) && keys.has(`delegation:${seat.id}`)) {
        const { x, y } = at(seat.deg);
        this.fx.flashRect(x, y, SEAT_W + 16, SEAT_H + 16, 200 * n++);
      }
    DRAFTS.forEach((id: DraftId, i) => {
      if (keys.has(`draft:${id}`))
        this.fx.flashRect(
          BAR_X + BAR_W / 2,
          DRAFT_Y + i * DRAFT_ROW + 22,
          BAR_W + 20,
          DRAFT_ROW - 6,
          200 * n++,
        );
    });
  }
}
