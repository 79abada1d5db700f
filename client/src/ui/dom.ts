/** A few DOM helpers: every piece of user text goes in as text, never as HTML. */

type Attrs = Record<string, string | number | boolean | undefined | ((e: Event) => void)>;
type Child = Node | string | number | false | undefined | null;

/** Creates an element; `on…` attributes become listeners, booleans toggle attributes, the rest are attributes. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
    else if (v === true) el.setAttribute(k, '');
    else if (k === 'value' && 'value' in el) (el as HTMLInputElement).value = String(v);
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    parent.appendChild(
      typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c,
    );
  }
}

/** Replaces an element's children. */
export function fill(el: Element, ...children: Child[]) {
  el.replaceChildren();
  append(el, children);
}

/**
 * Keeps a list's rows in step with data, keyed by id. A row is rebuilt only when its signature changes, so
 * focus and keyboard position survive the updates that other students cause.
 */
export function syncRows<T>(
  container: Element,
  items: readonly T[],
  key: (item: T) => string,
  signature: (item: T) => string,
  render: (item: T) => HTMLElement,
) {
  const existing = new Map<string, HTMLElement>();
  for (const child of Array.from(container.children) as HTMLElement[]) {
    if (child.dataset.key) existing.set(child.dataset.key, child);
  }
  let previous: Element | null = null;
  for (const item of items) {
    const k = key(item);
    const sig = signature(item);
    let row = existing.get(k);
    existing.delete(k);
    if (!row || row.dataset.sig !== sig) {
      const fresh = render(item);
      fresh.dataset.key = k;
      fresh.dataset.sig = sig;
      const hadFocus = row?.contains(document.activeElement) ? document.activeElement?.id : undefined;
      if (row) row.replaceWith(fresh);
      row = fresh;
      if (hadFocus) document.getElementById(hadFocus)?.focus();
    }
    const expectedNext: Element | null = previous ? previous.nextElementSibling : container.firstElementChild;
    if (expectedNext !== row) container.insertBefore(row, expectedNext);
    previous = row;
  }
  for (const stale of existing.values()) stale.remove();
}

/** A polite live region: what it says is read out by screen readers and shown on screen. */
export function notice(region: HTMLElement, text: string, kind: 'info' | 'error' = 'info') {
  region.textContent = text;
  region.dataset.kind = kind;
}
