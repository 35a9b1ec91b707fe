/**
 * The part of fontkit (pdfkit's own font engine) SiteDesk uses: whether a font draws a character, and (in the
 * tests) the glyphs its layout gives a text, as pdfkit draws it.
 */
declare module 'fontkit' {
  export interface Glyph {
    id: number;
  }
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string): { glyphs: Glyph[] };
  }
  export function openSync(path: string): Font;
}
