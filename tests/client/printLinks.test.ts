/** The console's Session tab links every page of the teacher's pack, so a teacher can print it from there. */
import { describe, expect, it } from 'vitest';
import { PACK_PAGES } from '../../client/src/pack/render.ts';
import { PRINT_LINKS } from '../../client/src/ui/console/sessionTab.ts';

describe('Print the pack, from the console', () => {
  it('links each page the pack has, once, under its own title', () => {
    const pages = PACK_PAGES.map((p) => ({ href: p.slug ? `#/pack/${p.slug}` : '#/pack', label: p.title }));
    expect(PRINT_LINKS.map((l) => ({ href: l.href, label: l.label }))).toEqual(pages);
  });

  it('says where the memo template is', () => {
    expect(PRINT_LINKS.filter((l) => /memo/.test(l.what)).map((l) => l.href)).toContain('#/pack/rubric');
  });
});
