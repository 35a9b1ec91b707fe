import type { PackDownload, PackManifest } from '../../shared/contract/exchange';
import { londonToday } from '../../shared/domain/dates';
import { AppError } from '../../shared/result';
import type { Account } from '../../shared/schemas/account';
import { newEnrolmentCode, openEnrolment, sealEnrolment, type Enrolment } from '../exchange/enrol';
import { ensureIdentity, IDENTITY_FILE, identityKind, newIdentity } from '../exchange/identity';
import { ensureManagerOrg, keyIdOf, listSelf, ORG_FILE, orgKind, readOrg, recordDesk, type Org } from '../exchange/org';
import { decodePack, encodePack, PACK_FORMAT_VERSION, type OpenedPack, type PackPayload } from '../exchange/pack';
import { applyPlan, collectActivity, collectRota, countsOf, planPack } from '../exchange/transfer';
import { readSyncConfig } from '../sync/service';
import { enrolledRosterState } from '../sync/roster';
import { checkHubUser } from './sync';
import { accountName, forDesk, notForDesk } from '../../shared/domain/deskAccounts';
import { highestReferences } from '../../shared/domain/incidents';
import { incidentIndex } from './incidentIndex';
import type { AppCore, Call, Handlers } from './types';

const requireOrg = (app: AppCore, user: Account | null): Org => {
  const org = readOrg(app);
  if (org) return listSelf(app, org);
  if (user?.role === 'manager') return ensureManagerOrg(app);
  throw new AppError(
    'conflict',
    'This desk is not enrolled in an organisation, so it cannot exchange packs. A manager sets a desk up with an enrolment file.',
  );
};

const download = (
  app: AppCore,
  user: Account,
  org: Org,
  kind: PackManifest['kind'],
  sites: string[],
  from: string,
  to: string,
  payload: PackPayload,
): PackDownload => {
  const manifest: PackManifest = {
    format: 'sitedesk-pack',
    formatVersion: PACK_FORMAT_VERSION,
    kind,
    organisationId: org.id,
    organisationName: org.name,
    keyId: keyIdOf(org.key),
    installId: app.meta.installId,
    createdAt: new Date(app.now()).toISOString(),
    createdBy: user.displayName,
    sites,
    from,
    to,
    counts: countsOf(payload),
  };
  const bytes = encodePack({ manifest, payload }, org, { installId: app.meta.installId, identity: ensureIdentity(app) });
  return {
    filename: `sitedesk-${kind}-${sites.join('-')}-${from}-to-${to}.sitedesk-pack`,
    mime: 'application/octet-stream',
    base64: bytes.toString('base64'),
    bytes: bytes.length,
    manifest,
  };
};

const readPack = (call: Call, file: string): OpenedPack => {
  // Reading a pack never makes the organisation key: a preview must change nothing.
  const org = readOrg(call.app);
  if (!org)
    throw new AppError(
      'conflict',
      'This SiteDesk has no organisation key yet, so it cannot check who made the pack. A manager’s install makes one when it first exports a pack or enrols a desk; a desk gets it from its enrolment file.',
    );
  const pack = decodePack(Buffer.from(file, 'base64'), org);
  if (pack.manifest.kind === 'activity' && call.user?.role !== 'manager')
    throw new AppError('forbidden', 'Only a manager imports activity packs: this one holds a desk’s incidents and attendance.');
  return pack;
};

/**
 * The first activity pack from a desk puts the desk's public key in the organisation's directory (or, for a desk
 * enrolled here, the install id it signs with beside the key recorded at enrolment), so a later pack naming that
 * desk but signed with another key (another desk posing as it) is refused.
 */
const rememberSigner = (app: AppCore, pack: OpenedPack) => {
  const org = readOrg(app);
  if (!org || org.installs.some((i) => i.installId === pack.signer.installId)) return;
  const enrolled = org.installs.find((i) => i.publicKey === pack.signer.publicKey);
  if (enrolled && !enrolled.installId.startsWith('enrolment_')) return;
  const entry = {
    ...enrolled,
    installId: pack.signer.installId,
    role: 'desk' as const,
    publicKey: pack.signer.publicKey,
    addedAt: enrolled?.addedAt ?? new Date(app.now()).toISOString(),
  };
  const others = org.installs.filter((i) => i !== enrolled);
  app.ds.write(ORG_FILE, orgKind, { org: { ...org, installs: [...others, entry] } });
};

/** A warning for an activity pack whose signer has no sites on record here, so its sites could not be checked. */
const unrecordedSites = (org: Org | null, pack: OpenedPack): string[] => {
  if (pack.manifest.kind !== 'activity' || !org) return [];
  const entry = org.installs.find((i) => i.publicKey === pack.signer.publicKey);
  if (entry?.sites || entry?.role === 'manager') return [];
  return [
    `This SiteDesk has no record of the sites the desk that made this pack was enrolled for (it was enrolled by an older SiteDesk or on another manager’s computer), so it cannot check that the desk serves ${pack.manifest.sites.join(', ')}. Import it only if you expected it from that desk.`,
  ];
};

/** The supervisors a manager chose for a desk serving `sites`; any other account is refused by name (PRODUCT.md: desks are for site supervisors). */
const chosenSupervisors = (app: AppCore, ids: string[], sites: string[]): Account[] =>
  ids.map((id) => {
    const account = app.repos.accounts.get(id);
    if (!account) throw new AppError('invalid', 'Choose supervisors from the list.', { supervisors: 'Choose supervisors from the list' });
    const why = notForDesk(account, sites);
    if (why)
      throw new AppError(
        'invalid',
        `${accountName(account)} ${why}, so cannot sign in at this desk: a desk is only for the active supervisors of its sites. No enrolment file was made.`,
        { supervisors: 'Choose the supervisors of the desk’s sites' },
      );
    return account;
  });

/**
 * The accounts an enrolment file carries, as the desk will hold them. A file that carries any account but an active
 * supervisor of the desk's sites (a tampered install, a file changed before it was sealed), or none at all, is refused
 * whole: a desk must never get a manager's sign-in, nor be left with no account, which would offer a first-run set-up.
 */
const accountsForDesk = (enrolment: Enrolment): Account[] => {
  const sites = enrolment.org.sites;
  const refuse = (what: string) =>
    new AppError(
      'invalid',
      `This enrolment file carries ${what}, so this desk was not set up. Ask the manager to make a new enrolment file.`,
      {
        file: 'Choose another enrolment file',
      },
    );
  if (!enrolment.accounts.length) throw refuse('no supervisor account');
  for (const account of enrolment.accounts) {
    const why = notForDesk(account, sites);
    if (why) throw refuse(`${accountName(account)}, who ${why}: a desk is only for the active supervisors of its sites`);
  }
  // A file made before enrolment kept accounts to the desk's sites may name a supervisor's other sites too.
  return enrolment.accounts.map((a) => forDesk(a, sites));
};

export const exchangeHandlers: Pick<
  Handlers,
  | 'exchange:status'
  | 'exchange:export-rota'
  | 'exchange:export-activity'
  | 'exchange:preview'
  | 'exchange:apply'
  | 'enrol:create'
  | 'enrol:import'
> = {
  'exchange:status': (_req, { app }) => {
    const org = readOrg(app);
    return {
      enrolled: org !== null,
      role: org?.role ?? null,
      organisationName: org?.name ?? app.repos.settings.get().organisationName,
      keyId: org ? keyIdOf(org.key) : null,
      sites: org?.sites ?? [],
      installId: app.meta.installId,
    };
  },

  'exchange:export-rota': (req, { app, user }) => {
    const org = requireOrg(app, user);
    const known = new Set(app.repos.sites.all().map((s) => s.code));
    const unknown = req.sites.filter((s) => !known.has(s));
    if (unknown.length) throw new AppError('invalid', `Unknown site: ${unknown.join(', ')}`, { sites: 'Choose sites from the list' });
    const { payload, from, to } = collectRota(app, req.sites, req.weeks);
    return download(app, user!, org, 'rota', [...req.sites].sort(), from, to, payload);
  },

  'exchange:export-activity': (req, { app, user }) => {
    const org = requireOrg(app, user);
    const mine = user!.role === 'manager' ? app.repos.sites.all().map((s) => s.code) : user!.sites;
    const sites = (req.sites ?? (org.role === 'desk' && org.sites.length ? org.sites : mine)).filter((s) => mine.includes(s)).sort();
    if (!sites.length) throw new AppError('forbidden', 'You do not supervise any of those sites.');
    return download(app, user!, org, 'activity', sites, req.from, req.to, collectActivity(app, sites, req.from, req.to));
  },

  'exchange:preview': (req, call) => {
    const pack = readPack(call, req.file);
    const { preview } = planPack(call.app, pack);
    return { ...preview, warnings: [...preview.warnings, ...unrecordedSites(readOrg(call.app), pack)] };
  },

  'exchange:apply': (req, call) => {
    const pack = readPack(call, req.file);
    const { plan, preview } = planPack(call.app, pack);
    const written = applyPlan(call.app, pack, plan);
    rememberSigner(call.app, pack);
    return { counts: preview.counts, written };
  },

  'enrol:create': async (req, { app, now }) => {
    // Checked before anything else, so a refusal makes no organisation key and asks nothing of the hub.
    const accounts = chosenSupervisors(app, req.supervisors, req.sites);
    const sites = app.repos.sites.all().filter((s) => req.sites.includes(s.code));
    if (sites.length !== req.sites.length)
      throw new AppError('invalid', 'Choose sites from the list.', { sites: 'Choose sites from the list' });
    let hub: { url: string; name: string; password: string } | undefined;
    if (req.hub) {
      const mine = readSyncConfig(app);
      if (!mine)
        throw new AppError(
          'conflict',
          'This SiteDesk is not connected to a hub, so it cannot give the desk one. Connect it in Settings → Sync first.',
          {
            hub: 'Connect this SiteDesk to the hub first',
          },
        );
      hub = { url: mine.url, ...req.hub };
      // The desk's hub user is checked now, not found wrong at the desk after enrolment.
      await checkHubUser(hub.url, hub, { url: 'hub', password: 'hub' });
    }
    const org = ensureManagerOrg(app);
    const code = newEnrolmentCode();
    const references = highestReferences(incidentIndex(app.repos).refs(), req.sites);
    // The desk's signing identity is made here, so its key is on record with its sites before its first pack.
    const identity = newIdentity(now);
    // The desk learns the manager installs' public keys, so it accepts a rota only from one of them.
    const deskOrg: Org = { ...org, role: 'desk', sites: [...req.sites].sort(), installs: org.installs.filter((i) => i.role === 'manager') };
    const bytes = sealEnrolment(
      deskOrg,
      sites,
      accounts.map((a) => ({ ...forDesk(a, req.sites), failedAttempts: 0, lastFailedAt: null })),
      code,
      now,
      references,
      hub,
      identity,
      // Rosters signed before this moment are refused by the desk; the laptop signs its rosters again after it.
      app.clock.stamp(now),
    );
    recordDesk(app, org, identity.publicKey, req.sites);
    app.sync?.rostersChanged();
    return {
      filename: `sitedesk-enrolment-${deskOrg.sites.join('-')}-${londonToday(now)}.sitedesk-enrolment`,
      mime: 'application/octet-stream',
      base64: bytes.toString('base64'),
      bytes: bytes.length,
      code,
    };
  },

  'enrol:import': async (req, { app }) => {
    if (app.repos.accounts.all().length > 0)
      throw new AppError('conflict', 'This SiteDesk is already set up. A desk is enrolled on a fresh install.');
    // No accounts because the file was damaged is not a fresh install: enrolling then would let anyone
    // at the desk bring their own accounts over everyone's data.
    if (app.ds.lostFiles().includes('directory/accounts'))
      throw new AppError(
        'forbidden',
        'The accounts file was damaged and no backup held it, so this desk cannot be enrolled here. Restore from a backup file, or ask IT support.',
      );
    const enrolment = openEnrolment(Buffer.from(req.file, 'base64'), req.code);
    const accounts = accountsForDesk(enrolment);
    // Settings first: if the process stops before the one change below, the install still asks to be set up.
    // The desk is its sites' home desk: it issues their plain references, carrying on from the manager's last.
    app.repos.settings.set({
      ...app.repos.settings.get(),
      organisationName: enrolment.org.name,
      homeDeskSites: enrolment.org.sites,
      knownReferences: enrolment.references,
    });
    app.ds.writeMany([
      { rel: ORG_FILE, kind: orgKind, value: { org: enrolment.org } },
      ...(enrolment.identity ? [{ rel: IDENTITY_FILE, kind: identityKind, value: { identity: enrolment.identity } }] : []),
      app.repos.sites.writeOp(enrolment.sites),
      app.repos.accounts.writeOp(accounts),
      enrolledRosterState(enrolment.rosterStamp, accounts),
    ]);
    // With its hub user, the desk syncs by itself from now on (its password is saved sealed, never in clear).
    if (enrolment.hub && app.sync) await app.sync.connect({ ...enrolment.hub, role: 'desk', sites: [...enrolment.org.sites].sort() });
    return { organisationName: enrolment.org.name, sites: enrolment.org.sites, accounts: accounts.length };
  },
};
