/**
 * Plan folders as the server gives them: a path (`planRoot`, `root`) and, beside it, its URI
 * (`planRootUri`, `rootUri`), of any scheme on the web; an older server gives the path alone,
 * which is then a folder on disk.
 */
import * as vscode from 'vscode';

/** The folder's URI: the server's when given (and well-formed), else the path's on disk. */
export function folderUri(path: string, uri: string | null | undefined): vscode.Uri {
  if (uri) {
    try {
      return vscode.Uri.parse(uri, true);
    } catch {
      // A URI that does not parse: the path is still the folder's.
    }
  }
  return vscode.Uri.file(path);
}

/** Whether a file lies in a folder: by path on disk (either separator), else same scheme, authority and path below. */
export function isInFolder(file: vscode.Uri, folder: vscode.Uri): boolean {
  if (file.scheme === 'file' && folder.scheme === 'file') return isUnderPath(file.fsPath, folder.fsPath);
  if (file.scheme !== folder.scheme || file.authority.toLowerCase() !== folder.authority.toLowerCase()) return false;
  return isUnderPath(file.path, folder.path);
}

function isUnderPath(file: string, folder: string): boolean {
  const f = file.replace(/\\/g, '/');
  const d = folder.replace(/\\/g, '/').replace(/\/$/, '');
  return f.startsWith(`${d}/`);
}
