/**
 * The bold first words of an import's refusal. Most refusals already end "Nothing was imported.", and the banner
 * must not say it twice ("pack.sitedesk-pack was not imported. … Nothing was imported."): it then names the file alone.
 */
export const refusalHeading = (fileName: string, message: string): string =>
  /nothing was imported/i.test(message) ? `${fileName}:` : `${fileName} was not imported.`;
