// The API (tallyboard.js): the card is drawn at once by the first paint's module and checked right
// after by the full module (tallyboard_full.js, whose types these are).
import type { Card as CheckedCard, InitInput, InitOutput, TallyboardData, TallyboardOptions, TallyboardReport } from './tallyboard_full.js';

export type {
  TallyboardData, TallyboardOptions, TallyboardWords, TallyboardFinding, TallyboardHit, TallyboardTable, TallyboardReport,
  InitInput, InitOutput,
} from './tallyboard_full.js';

/**
 * Loads the first paint's module: `render()` draws at once after it. The full module (validation, every
 * kind of card, the exports) loads right after the next frame. `input`: where the full module's wasm
 * is, when not beside this file.
 */
export default function init(input?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<void>;

/** Resolves when the full module is loaded (with its wasm exports): `validate()`, `toSvg()`, `toCsv()`,
 * `toWikitext()`, `exportCanvas()` and `catalogueOf()` work from then on (before, they throw). */
export function ready(): Promise<InitOutput>;

/**
 * A card: drawn at once for an English election or vote card (badge "Checking the numbers…", canvas
 * `data-state="checking"`), replaced by the checked card when the full module is loaded. Until then
 * what it is asked to do (`update`, `setOptions`, `setPage`, `highlight`, `setCoalition`, `click`,
 * `toggleFindings`) is done on the checked card when it comes, and what it is asked answers "nothing
 * yet": `report()` null, `hitAt()` null, `tables()` [], `pages()` 1.
 */
export interface Card extends CheckedCard {
  /** The report of the checked card, when it replaces the first paint's (rejects if the full module
   * cannot be loaded or cannot draw the data: that error). Null for a card destroyed before then. */
  readonly checked: Promise<TallyboardReport | null>;
}

/** Renders results into `element` (a canvas is added to it); the card follows the container's width. */
export function render(element: Element, data: TallyboardData, options?: TallyboardOptions): Card;

export function validate(data: TallyboardData): TallyboardReport;
export function toSvg(data: TallyboardData, options?: TallyboardOptions): string;
export function toCsv(data: TallyboardData, options?: TallyboardOptions): string;
export function toWikitext(data: TallyboardData, options?: TallyboardOptions): string;
export function exportCanvas(data: TallyboardData, options: TallyboardOptions, width: number): HTMLCanvasElement;
export function catalogueOf(locale: string): string;
