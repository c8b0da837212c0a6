/**
 * A finding as the outside world counts: lines and columns from 1, columns in
 * UTF-16 code units (as editors count), end exclusive; the message rendered.
 */
import type { Finding } from '../findings';
import { formatMessage, type Locale } from '../i18n/messages';
import type { LineIndex } from '../text/line-index';

export interface LocatedFinding {
  code: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function locate(f: Finding, lines: LineIndex, locale: Locale): LocatedFinding {
  const s = lines.positionAt(f.span.start);
  const e = lines.positionAt(f.span.end);
  return {
    code: f.code,
    severity: f.severity,
    message: formatMessage(f.message, locale),
    line: s.line + 1,
    column: s.character + 1,
    endLine: e.line + 1,
    endColumn: e.character + 1,
  };
}
