import { normalizeJoinCode } from '../../shared/model/joinCode.ts';
import { isDelegation } from '../../shared/model/seats.ts';
import type { JoinOptions } from '../../shared/protocol/toServer.ts';
import type { SessionLink } from './net/connection.ts';
import { h } from './ui/dom.ts';
import { homeScreen } from './ui/home.ts';
import { hostedSessions, rememberHosted } from './ui/hosted.ts';

/**
 * One page, several screens, chosen by the address's hash:
 *   #/ or #/join/CODE     a student joins          #/play/CODE      the student screen
 *   #/host                a teacher creates        #/host/CODE      the teacher console (secret from this browser)
 *   #/host/CODE/SECRET    the private host link    #/board/CODE     the projector board
 *   #/replay              past sessions            #/replay/ID      a session's replay and debrief
 *   #/replay/ID/report    the printable debrief report
 *   #/preview/CODE/SEAT   the teacher alone at SEAT against two bots   #/watch/CODE   three bots, then the board
 *   #/pack                the teacher's guide      #/pack/us|china|russia   a delegation's pack    #/pack/rubric
 *   #/pack/us/legal       the pack with a student's own role briefs first (the desk's "Your brief" link)
 * Only the join screen is in the first bundle; the other screens, the network code and Phaser load on demand.
 */
const app = document.getElementById('app') as HTMLElement;
let link: SessionLink | undefined;
let dispose: (() => void) | undefined;
let justCreated = false;

/** Keeps a student's new link and opens the student screen for its session. */
function joined(l: SessionLink) {
  link = l;
  go(`#/play/${l.view?.code ?? ''}`);
}

function go(hash: string) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

function loading(text: string) {
  app.replaceChildren(h('main', { class: 'loading' }, h('p', { role: 'status' }, text)));
}

function failed(text: string, back = '#/') {
  app.replaceChildren(
    h(
      'main',
      { class: 'home' },
      h('p', { class: 'notice', 'data-kind': 'error', role: 'alert' }, text),
      h('p', {}, h('a', { href: back }, 'Back')),
    ),
  );
}

/** Reuses this tab's live link, or takes back its seat with the stored token, or joins afresh. */
async function connect(
  role: JoinOptions['role'],
  code: string,
  fresh?: JoinOptions,
): Promise<SessionLink | undefined> {
  if (link && link.status !== 'closed' && link.view?.code === code && link.welcome?.role === role)
    return link;
  const { SessionLink } = await import('./net/connection.ts');
  const resumed = await SessionLink.resume(role, code);
  if (resumed) return resumed;
  return fresh ? SessionLink.join(fresh) : undefined;
}

async function route() {
  dispose?.();
  dispose = undefined;
  const [screen = '', a = '', b = ''] = location.hash.replace(/^#\/?/, '').split('/');
  const code = normalizeJoinCode(decodeURIComponent(a));
  try {
    if (screen === '' || screen === 'join') {
      if (link && link.status !== 'closed' && link.welcome?.role === 'student' && link.view)
        return go(`#/play/${link.view.code}`);
      homeScreen(app, { code, onJoined: joined });
    } else if (screen === 'play') {
      loading('Taking your seat…');
      const l = await connect('student', code);
      if (!l) {
        return homeScreen(app, {
          code,
          message:
            'Your connection to the session ended. Type your nickname to join again; the teacher can give your old seat back.',
          onJoined: joined,
        });
      }
      link = l;
      await l.ready();
      const { studentScreen } = await import('./ui/student.ts');
      dispose = studentScreen(app, l, (message) => {
        link = undefined;
        homeScreen(app, { code, message, onJoined: joined });
      });
    } else if (screen === 'host' && !a) {
      const { hostSetupScreen } = await import('./ui/hostSetup.ts');
      hostSetupScreen(app, (c, secret) => {
        justCreated = true;
        go(`#/host/${c}/${secret}`);
      });
    } else if (screen === 'host') {
      const secret = b || hostedSessions().find((s) => s.code === code)?.secret;
      if (!secret)
        return failed(
          'This browser does not hold the host link for that session. Open your private host link.',
          '#/host',
        );
      if (b) {
        // Keep the secret out of the address bar, where a projected console would show it.
        if (!hostedSessions().some((s) => s.code === code))
          rememberHosted({ code, secret, createdAt: new Date().toISOString(), title: '' });
        history.replaceState(null, '', `#/host/${code}`);
      }
      loading('Opening the console…');
      const l = await connect('teacher', code, { role: 'teacher', code, hostSecret: secret });
      if (!l) return;
      link = l;
      await l.ready();
      const { consoleScreen } = await import('./ui/console.ts');
      dispose = consoleScreen(app, l, { secret, justCreated });
      justCreated = false;
    } else if (screen === 'preview' || screen === 'watch') {
      const secret = hostedSessions().find((s) => s.code === code)?.secret;
      if (!secret) return failed('This browser does not hold the host link for that session.', '#/host');
      const { previewScreen, startWatching } = await import('./ui/preview.ts');
      if (screen === 'watch') {
        loading('Seating the server at the three delegations…');
        await startWatching(code, secret);
        return go(`#/board/${code}`);
      }
      if (!isDelegation(b)) return failed('Choose a delegation to preview.', '#/host');
      loading('Setting up your preview…');
      link = undefined;
      dispose = await previewScreen(app, code, secret, b, (message) => failed(message, '#/host'));
    } else if (screen === 'board') {
      loading('Opening the board…');
      const l = await connect('projector', code, { role: 'projector', code });
      if (!l) return;
      link = l;
      await l.ready();
      const { boardScreen } = await import('./ui/board.ts');
      dispose = boardScreen(app, l);
    } else if (screen === 'replay' && !a) {
      const { replayListScreen } = await import('./replay/list.ts');
      replayListScreen(app);
    } else if (screen === 'replay') {
      const id = decodeURIComponent(a);
      const hash = location.hash;
      const done =
        b === 'report'
          ? await (await import('./replay/report.ts')).reportScreen(app, id)
          : await (await import('./replay/viewer.ts')).replayScreen(app, id);
      // The address changed while the log was loading: that screen is already gone.
      if (location.hash === hash) dispose = done;
      else {
        done();
        route();
      }
    } else if (screen === 'pack') {
      const { packScreen } = await import('./pack/packScreen.ts');
      dispose = await packScreen(app, decodeURIComponent(a), b ? decodeURIComponent(b).split(',') : []);
    } else {
      failed('There is no such page.');
    }
  } catch (e) {
    failed(
      (e as Error).message || 'Something went wrong.',
      screen === 'host' ? '#/host' : screen === 'replay' ? '#/replay' : '#/',
    );
  }
}

window.addEventListener('hashchange', route);
route();
