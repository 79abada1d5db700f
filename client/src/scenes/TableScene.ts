import type Phaser from 'phaser';
import { playedByServer } from '../../../shared/model/botLevels.ts';
import { DELEGATION_NAMES, DELEGATIONS, type Delegation } from '../../../shared/model/seats.ts';
import { type MemberView, membersInOrder, type SessionView } from '../net/view.ts';
import {
  bake,
  drawShape,
  fitWidth,
  HEIGHT,
  type SceneInput,
  seatColour,
  sketch,
  textStyle,
  ViewScene,
  WIDTH,
} from './common.ts';

/** Where each delegation sits around the table (the conference table seen from above). */
const PLACES: Record<Delegation, { x: number; y: number }> = {
  us: { x: 200, y: 250 },
  china: { x: 480, y: 95 },
  russia: { x: 760, y: 250 },
};

/**
 * The session table: the three delegations' seats around a conference table and who sits at each, with the
 * observers' gallery below. A view only: it draws what it is given and decides nothing.
 */
export class TableScene extends ViewScene {
  private layer!: Phaser.GameObjects.Container;

  constructor() {
    super('table');
  }

  protected override build() {
    const g = sketch(this, 265, 170);
    g.fillStyle(0x14304f, 1).fillEllipse(480, 270, 420, 190, 128);
    g.lineStyle(3, 0x6d8db3, 1).strokeEllipse(480, 270, 420, 190, 128);
    bake(this, g, 'table-back', 265, 170, 430, 200);
    this.add.text(480, 270, 'Conference on Disarmament', textStyle(20, { color: '#cfe0f5' })).setOrigin(0.5);
    this.layer = this.add.container(0, 0);
  }

  protected override deps(input: SceneInput) {
    // A signature of what is drawn: the view object itself is new on every patch.
    const { view } = input;
    return [
      membersInOrder(view)
        .map((m) => `${m.id}:${m.nickname}:${m.seat}:${m.status}`)
        .join('|'),
      DELEGATIONS.map((d) => (view.teams[d]?.submitted ? 1 : 0)).join(''),
      DELEGATIONS.map((d) => view.teams[d]?.bot ?? '-').join(','),
      view.stage,
      input.meId,
    ];
  }

  protected override draw({ view, meId }: SceneInput) {
    this.layer.removeAll(true);
    const members = membersInOrder(view);
    const g = sketch(this);
    for (const d of DELEGATIONS)
      this.drawDelegation(
        g,
        d,
        members.filter((m) => m.seat === d),
        view,
        meId,
      );
    this.layer.addAt(bake(this, g, 'table-view', 0, 0, WIDTH, HEIGHT), 0);
    const observers = members.filter((m) => m.seat === 'observer');
    this.layer.add(
      this.add
        .text(
          480,
          470,
          `Observers: ${observers.length ? observers.map((m) => m.nickname).join(', ') : 'none'}`,
          textStyle(16, { color: '#cfd8e3', wordWrap: { width: 880 }, align: 'center' }),
        )
        .setOrigin(0.5, 0),
    );
  }

  protected override flash(keys: Set<string>) {
    let i = 0;
    for (const d of DELEGATIONS)
      if (keys.has(`delegation:${d}`)) this.fx.flashRect(PLACES[d].x, PLACES[d].y, 206, 58, 200 * i++);
  }

  private drawDelegation(
    plate: Phaser.GameObjects.Graphics,
    d: Delegation,
    seated: MemberView[],
    view: SessionView,
    meId?: string,
  ) {
    const place = PLACES[d];
    plate.fillStyle(seatColour(d), 1).fillRoundedRect(place.x - 95, place.y - 22, 190, 44, 10);
    drawShape(plate, d, place.x - 78, place.y, 16, 0x061222, 0xffffff);
    const submitted = view.stage === 'playing' && view.teams[d]?.submitted ? ' ✓' : '';
    const title = this.add
      .text(
        place.x - 62,
        place.y,
        `${DELEGATION_NAMES[d]}${submitted}`,
        textStyle(18, { fontStyle: 'bold', color: '#ffffff' }),
      )
      .setOrigin(0, 0.5);
    fitWidth(title, 150);
    // A bot plays where no student is connected: the table says so (the students who left stay listed).
    const bot = view.teams[d]?.bot;
    const students = seated.map(
      (m) =>
        `${m.nickname}${m.id === meId ? ' (you)' : ''}${m.status === 'connected' ? '' : ` (${m.status})`}`,
    );
    const names = bot ? [playedByServer(bot), ...students] : students.length ? students : ['empty seat'];
    const list = this.add
      .text(
        place.x,
        place.y + 32,
        names.join('\n'),
        textStyle(16, {
          color: seated.length || bot ? '#f2f5f9' : '#8ea3bb',
          align: 'center',
          lineSpacing: 4,
        }),
      )
      .setOrigin(0.5, 0);
    this.layer.add([title, list]);
  }
}
