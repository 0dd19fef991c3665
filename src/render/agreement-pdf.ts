// The agreement's Markdown as a PDF, with no browser: pdfkit lays out marked's tokens (headings,
// paragraphs, bullet and numbered lists, bold and italic). Fonts are embedded (DejaVu, or the
// programme's own): the 14 standard PDF fonts silently garble names such as "Łukasz" or
// "Nguyễn". Each page carries the programme's name at the top and "Page n of m" at the bottom.
import { createRequire } from 'node:module';
import { lexer, type Token, type Tokens } from 'marked';

export interface PdfOptions {
  /** The programme's name, at the top of every page. */
  header: string;
  paper: 'a4' | 'letter';
  /** A TrueType font to use instead of DejaVu (regular; bold and italic are synthesised from it). */
  font?: string;
}

const require = createRequire(import.meta.url);

function fonts(custom: string | undefined): Record<'regular' | 'bold' | 'italic' | 'boldItalic', string> {
  if (custom) return { regular: custom, bold: custom, italic: custom, boldItalic: custom };
  const dir = (name: string) => require.resolve(`dejavu-fonts-ttf/ttf/${name}`);
  return {
    regular: dir('DejaVuSans.ttf'),
    bold: dir('DejaVuSans-Bold.ttf'),
    italic: dir('DejaVuSans-Oblique.ttf'),
    boldItalic: dir('DejaVuSans-BoldOblique.ttf'),
  };
}

/**
 * Fonts parsed once per run and shared by every document (each still embeds its own subset):
 * parsing a TrueType font was most of the time of writing 200 agreements.
 */
const parsed = new Map<string, unknown>();
function parsedFont(path: string): unknown {
  let font = parsed.get(path);
  if (font === undefined) {
    const fontkit = require('fontkit') as { openSync(path: string): unknown };
    font = fontkit.openSync(path);
    parsed.set(path, font);
  }
  return font;
}

export async function renderAgreementPdf(markdown: string, options: PdfOptions): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: options.paper === 'letter' ? 'LETTER' : 'A4',
    margins: { top: 72, bottom: 72, left: 64, right: 64 },
    bufferPages: true,
    info: { Title: `Mentoring agreement: ${options.header}` },
  });
  const f = fonts(options.font);
  for (const [name, path] of Object.entries(f)) doc.registerFont(name, parsedFont(path) as string);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));

  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  /** Inline runs (text, bold, italic) written one after another on the same lines. */
  const inline = (tokens: Token[] | undefined, size: number, indent = 0, style: { bold: boolean; italic: boolean } = { bold: false, italic: false }) => {
    const runs: { text: string; bold: boolean; italic: boolean }[] = [];
    const walk = (list: Token[] | undefined, s: { bold: boolean; italic: boolean }) => {
      for (const t of list ?? []) {
        if (t.type === 'strong') walk((t as Tokens.Strong).tokens, { ...s, bold: true });
        else if (t.type === 'em') walk((t as Tokens.Em).tokens, { ...s, italic: true });
        else if (t.type === 'br') runs.push({ text: '\n', ...s });
        else if ('tokens' in t && Array.isArray(t.tokens) && t.type !== 'text') walk(t.tokens as Token[], s);
        else if ('tokens' in t && Array.isArray(t.tokens) && t.tokens.length > 0) walk(t.tokens as Token[], s);
        else runs.push({ text: unescape((t as { text?: string }).text ?? t.raw).replace(/\s*\n\s*/g, ' '), ...s });
      }
    };
    walk(tokens, style);
    if (runs.length === 0) return;
    runs.forEach((r, i) => {
      doc.font(r.bold && r.italic ? 'boldItalic' : r.bold ? 'bold' : r.italic ? 'italic' : 'regular').fontSize(size);
      const opts = { width: width - indent, continued: i < runs.length - 1, lineGap: 2 };
      if (i === 0) doc.text(r.text, doc.page.margins.left + indent, doc.y, opts);
      else doc.text(r.text, opts);
    });
  };

  for (const token of lexer(markdown)) {
    switch (token.type) {
      case 'heading': {
        const h = token as Tokens.Heading;
        doc.moveDown(h.depth === 1 ? 0 : 0.6);
        inline(h.tokens, h.depth === 1 ? 20 : h.depth === 2 ? 14 : 12, 0, { bold: true, italic: false });
        doc.moveDown(0.3);
        break;
      }
      case 'paragraph':
        inline((token as Tokens.Paragraph).tokens, 11);
        doc.moveDown(0.5);
        break;
      case 'list': {
        const list = token as Tokens.List;
        list.items.forEach((item, i) => {
          const marker = list.ordered ? `${Number(list.start || 1) + i}.` : '•';
          const y = doc.y;
          doc
            .font('regular')
            .fontSize(11)
            .text(marker, doc.page.margins.left + 6, y, { width: 18 });
          doc.y = y;
          const inner = item.tokens.flatMap((t) => ((t.type === 'text' || t.type === 'paragraph') && 'tokens' in t ? (t.tokens as Token[]) : [t]));
          inline(inner, 11, 24);
          doc.moveDown(0.2);
        });
        doc.moveDown(0.4);
        break;
      }
      case 'hr':
        doc.moveDown(0.5);
        break;
      default:
        break;
    }
  }

  // Header and page numbers on every page, now that the number of pages is known.
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(9).fillColor('#555555');
    doc.text(options.header, doc.page.margins.left, 36, { width, align: 'left', lineBreak: false });
    doc.text(`Page ${i + 1} of ${range.count}`, doc.page.margins.left, doc.page.height - 48, { width, align: 'center', lineBreak: false });
    doc.fillColor('black');
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** Markdown's backslash escapes, undone for print. */
function unescape(text: string): string {
  return text
    .replace(/\\([\\`*_[\]<>#|~])/g, '$1')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}
