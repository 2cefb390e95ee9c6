import type { Card, TallyboardData, TallyboardReport } from './tallyboard.js';

/** The `<tally-board>` custom element. Importing this module defines it. */
export declare class TallyBoard extends HTMLElement {
  /** The data, as an object or JSON text (instead of `src` or an inline JSON script). */
  data: TallyboardData | null;
  /** The validation report of the current data. */
  readonly report: TallyboardReport | null;
  /** The card handle of the wasm API. */
  readonly card: Card | null;
  /** The card as a file: PNG at 2x, SVG, CSV or Wikipedia wikitext. */
  export(kind: 'png' | 'svg' | 'csv' | 'wikitext'): Promise<Blob | null>;
  /** Save the card as a file through the browser's download. */
  download(kind: 'png' | 'svg' | 'csv' | 'wikitext'): Promise<void>;
}

declare global {
  interface HTMLElementTagNameMap {
    'tally-board': TallyBoard;
  }
}
