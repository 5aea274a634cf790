export declare const ADAPTER_READMES: string[];
export declare const TEMPLATE_FILE: string;
/** The `##` headings of the template in CONTRIBUTING.md, in order. */
export declare function readTemplate(): string[];
/** The `##` headings of a Markdown text, in order, outside fenced code blocks. */
export declare function headingsOf(markdown: string): string[];
/** One sentence per difference from the template, naming the README; empty when they match. */
export declare function compareHeadings(readme: string, actual: string[], template: string[]): string[];
/** The problems of every adapter README. */
export declare function checkAdapterReadmes(template?: string[]): string[];
/** The anchor GitHub gives a heading. */
export declare function anchorOf(heading: string): string;
/** One sentence per link to a heading of a README (its own or a relative one) that names no heading there. */
export declare function brokenAnchors(readme: string): string[];
