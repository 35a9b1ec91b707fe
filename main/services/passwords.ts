import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// OWASP's scrypt minimum is N=2^17,r=8,p=1; 2^15 keeps a desk PC's unlock under 100 ms while still
// costing a guesser ~32 MB and tens of ms per try. Stored with its parameters so they can be raised.
const N = 2 ** 15;
const R = 8;
const P = 1;
const KEYLEN = 32;

const derive = (secret: string, salt: Buffer, n: number, r: number, p: number) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(secret.normalize('NFKC'), salt, KEYLEN, { N: n, r, p, maxmem: 256 * n * r }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );

/** A salted scrypt hash: `scrypt$N$r$p$salt$hash`, both base64. */
export const hashSecret = async (secret: string): Promise<string> => {
  const salt = randomBytes(16);
  const key = await derive(secret, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
};

/** Whether `secret` matches a stored hash, compared in constant time. */
export const verifySecret = async (secret: string, stored: string): Promise<boolean> => {
  const [alg, n, r, p, salt, hash] = stored.split('$');
  if (alg !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(secret, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
};
