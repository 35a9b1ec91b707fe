/** The part of fontkit (pdfkit's own font engine) SiteDesk uses: whether a font draws a character. */
declare module 'fontkit' {
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function openSync(path: string): Font;
}
