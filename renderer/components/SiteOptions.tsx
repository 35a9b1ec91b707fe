import type { Site } from '../../shared/schemas/site';

/** One option a site, labelled as everywhere else in the app: code · name. */
export const SiteOptions = ({ sites }: { sites: readonly Pick<Site, 'code' | 'name'>[] }) => (
  <>
    {sites.map((s) => (
      <option key={s.code} value={s.code}>
        {s.code} · {s.name}
      </option>
    ))}
  </>
);
