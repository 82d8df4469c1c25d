/**
 * Hands a file fetched by the app to the browser's downloads under `name`, as a link with
 * `download` would (the app names the file, whatever the server's Content-Disposition says).
 */
export function saveFile(file: Blob, name: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Let the browser start the download before the object URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
