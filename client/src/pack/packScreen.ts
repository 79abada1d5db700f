/// <reference types="vite/client" />
import { loadPack } from '../net/pack.ts';
import { h } from '../ui/dom.ts';
import './pack.css';
import { PACK_PAGES, packPage } from './render.ts';

/**
 * The teacher's pack at #/pack (the teacher's guide), #/pack/us, #/pack/china, #/pack/russia (a delegation's
 * pack; #/pack/us/head,spokesperson puts those roles' briefs first) and #/pack/rubric (the assessment): fetched from the server, drawn by the pure renderer, ready to print.
 * Returns a function that restores the document's title.
 */
export async function packScreen(
  root: HTMLElement,
  page: string,
  roles: readonly string[] = [],
): Promise<() => void> {
  const title = document.title;
  const restore = () => {
    document.title = title;
  };
  root.replaceChildren(
    h('main', { class: 'loading' }, h('p', { role: 'status' }, 'Opening the teacher’s pack…')),
  );
  try {
    const pack = await loadPack();
    const view = packPage(pack, page, roles);
    if (!view) throw new Error('The pack has no such page.');
    document.title = `PAROS · ${PACK_PAGES.find((p) => p.slug === page)?.title ?? 'Teacher’s pack'}`;
    root.replaceChildren(view);
  } catch (e) {
    root.replaceChildren(
      h(
        'main',
        { class: 'home' },
        h('p', { class: 'notice', 'data-kind': 'error', role: 'alert' }, (e as Error).message),
        h('p', {}, h('a', { href: '#/pack' }, 'The teacher’s guide'), ' · ', h('a', { href: '#/' }, 'Home')),
      ),
    );
  }
  return restore;
}
