import type { ExportFile } from '../../shared/contract/define';

/**
 * The one way the renderer saves a file main made: through the browser's download, which works in
 * Electron and browser mode alike. Text is saved as main wrote it (CSV files carry their own BOM).
 */
export const download = (file: ExportFile): void => {
  const body = 'base64' in file ? Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0)) : file.text;
  const url = URL.createObjectURL(new Blob([body], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};
