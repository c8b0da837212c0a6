/**
 * pilotPlan/export in the web worker (the build takes this module for export.ts): docx and exceljs
 * are not in the worker's bundle, and Export to Word / Excel is hidden on the web (`!isWeb`), so a
 * client that asks anyway is told why, in its language.
 */
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { defineMessages, formatMessage, msg } from '../engine/i18n/messages';
import type { ServerContext } from './context';
import type { ExportParams, ExportResult } from './protocol';

defineMessages({
  'lsp.export.not-on-web': {
    en: 'Export to Word or Excel is not available in the browser (vscode.dev, github.dev): use VS Code on the desktop, or `pilot-plan export <folder> --format {format}`.',
    zh: '浏览器中的 VS Code（vscode.dev、github.dev）不提供导出 Word 或 Excel：请使用桌面版 VS Code，或运行 `pilot-plan export <文件夹> --format {format}`。',
  },
});

export async function exportOf(ctx: ServerContext, params: ExportParams): Promise<ExportResult> {
  throw new ResponseError(ErrorCodes.MethodNotFound, formatMessage(msg('lsp.export.not-on-web', { format: params.format }), params.locale ?? ctx.locale));
}
