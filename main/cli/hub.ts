/**
 * `npm run hub -- --dir <folder> --port <p>`: a CouchDB-protocol hub on a folder (see main/sync/hub.ts).
 * The administrator comes from `--admin name:password` or SITEDESK_HUB_ADMIN. Port 0 picks a free
 * port; the one ready line says which.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startHub } from '../sync/hub';
import { installReplicaGuard } from '../sync/replicaGuard';

const main = async () => {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      port: { type: 'string', default: '5984' },
      host: { type: 'string', default: '127.0.0.1' },
      admin: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.dir) {
    console.log('Usage: npm run hub -- --dir <folder> --port <port> [--admin name:password] [--host 127.0.0.1]');
    process.exit(values.help ? 0 : 2);
  }
  const admin = values.admin ?? process.env.SITEDESK_HUB_ADMIN ?? '';
  const split = admin.indexOf(':');
  if (split < 1 || split === admin.length - 1) {
    console.error('Give the hub administrator as --admin name:password or SITEDESK_HUB_ADMIN=name:password.');
    process.exit(2);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Not a port: ${values.port}`);
    process.exit(2);
  }
  const hub = await startHub({
    dir: path.resolve(values.dir),
    port,
    host: values.host,
    admin: { name: admin.slice(0, split), password: admin.slice(split + 1) },
  });
  const stop = () => void hub.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // A fault thrown inside PouchDB while serving one request or feed ends that feed (its client retries),
  // not the hub; anything else is still fatal.
  installReplicaGuard({ onFault: () => undefined });
  console.log(`SiteDesk hub ready at ${hub.url}`);
};

main().catch((error: Error) => {
  console.error(`The hub could not start: ${error.message}`);
  process.exit(1);
});
