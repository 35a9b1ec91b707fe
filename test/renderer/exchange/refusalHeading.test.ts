/** The import banner says once, not twice, that a refused pack imported nothing. */
import { describe, expect, it } from 'vitest';
import { refusalHeading } from '../../../renderer/features/exchange/refusalHeading';

const banner = (file: string, message: string) => `${refusalHeading(file, message)} ${message}`;

describe('a refused import’s banner', () => {
  it('says nothing was imported once where the refusal says it', () => {
    const text = banner(
      'ch-week.sitedesk-pack',
      'This pack’s signature does not match: it was changed after it was made. Nothing was imported. Ask for it to be exported again.',
    );
    expect(text.match(/not imported|nothing was imported/gi)).toHaveLength(1);
    expect(text.startsWith('ch-week.sitedesk-pack')).toBe(true);
  });

  it('says the file was not imported where the refusal does not', () => {
    expect(
      banner('ch-week.sitedesk-pack', 'This is not a SiteDesk pack. Choose the .sitedesk-pack file that was exported from SiteDesk.'),
    ).toBe(
      'ch-week.sitedesk-pack was not imported. This is not a SiteDesk pack. Choose the .sitedesk-pack file that was exported from SiteDesk.',
    );
  });
});
