import type { Card, TallyboardData, TallyboardReport } from './tallyboard_full.js';

/** `tally-update`: a new validated card was drawn (the first one too), with its validation report.
 * An English card is painted before that by the first paint's module ("Checking the numbers…",
 * canvas `data-state="checking"`); the event comes with the verdict, not with that first paint. */
export type TallyUpdateEvent = CustomEvent<{ report: TallyboardReport }>;
/** `tally-error`: a failure, worded in the card's locale: a load that failed ("could not load
 * results.json: HTTP 500", the network's message, a time-out) or data that cannot be read. */
export type TallyErrorEvent = CustomEvent<{ message: string }>;

/** The events a `<tally-board>` fires (none bubbles). */
export interface TallyBoardEventMap extends HTMLElementEventMap {
  'tally-update': TallyUpdateEvent;
  'tally-error': TallyErrorEvent;
  /** After each new data is drawn, with the report (the older name; also for data that cannot be read). */
  'tallyboard-ready': CustomEvent<TallyboardReport>;
  /** After each draw and redraw (options, page, coalition), with the report. */
  'tallyboard-report': CustomEvent<TallyboardReport>;
  /** The results or the wasm could not be loaded. */
  'tallyboard-error': CustomEvent<{ message: string }>;
}

/**
 * The `<tally-board>` custom element. Importing this module defines it.
 *
 * Attributes: `src`, `refresh`, `theme`, `locale`, `words`, `parts`, `table`, `exports`, `coalition`.
 * `locale` (default: the page's `lang`, else English) is any BCP 47 tag: numbers and dates as the
 * browser's Intl writes them, words from the package's catalogue of that language (`locales/<tag>.json`:
 * en, ru, kk, uk, de, fr, es, pt, it, pl, tr, ar, he, zh, ja, hi), fetched with `tallyboard_intl.js`
 * only for a card in another language than English. `words` (JSON) sets the page's own words over the
 * catalogue's (keys as in `locales/en.json`). A locale without words, or a word that is not one, is a
 * console warning; the words are then English.
 * A CLI-rendered SVG inside it (`tallyboard render FILE --svg OUT --embed`) is shown at once and
 * replaced by the live card, at the SVG's width and text layout, when that is ready.
 * `refresh="60"` (seconds, at least 0.5) makes a live card: `src` is asked for again on that
 * interval with a conditional request (a 304 redraws nothing), not while the page is hidden,
 * never two requests at once, waiting twice as long after each failure in a row (up to 5
 * minutes), giving a request up after 15 s; a failed update keeps the last good card with a
 * quiet notice (`role="status"`), and a changed leader or majority is read out. Removing
 * `refresh` or the element stops polling.
 */
export declare class TallyBoard extends HTMLElement {
  /** The data, as an object or JSON text (instead of `src` or an inline JSON script; not polled). */
  data: TallyboardData | null;
  /** The validation report of the current data (null until it is validated). */
  readonly report: TallyboardReport | null;
  /** The card handle of the wasm API (the full module's; null while the first paint's card is shown). */
  readonly card: Card | null;
  /** The card as a file: PNG at 2x, SVG, CSV or Wikipedia wikitext. */
  export(kind: 'png' | 'svg' | 'csv' | 'wikitext'): Promise<Blob | null>;
  /** Save the card as a file through the browser's download. */
  download(kind: 'png' | 'svg' | 'csv' | 'wikitext'): Promise<void>;

  addEventListener<K extends keyof TallyBoardEventMap>(type: K, listener: (this: TallyBoard, ev: TallyBoardEventMap[K]) => any,
    options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof TallyBoardEventMap>(type: K, listener: (this: TallyBoard, ev: TallyBoardEventMap[K]) => any,
    options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'tally-board': TallyBoard;
  }
}
