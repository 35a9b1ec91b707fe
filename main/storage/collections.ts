import { z } from 'zod';
import { idSchema } from '../../shared/schemas/common';
import type { DataStore, FileKind, WriteOp } from './dataStore';

type WithId = { id: string };

/** The file shape every record collection uses: records by id. */
const recordsKind = <R extends WithId>(schema: z.ZodType<R>): FileKind<{ records: Record<string, R> }> => ({
  // Keys are ids too, so a file naming a record "__proto__" or "constructor" is damaged, not obeyed.
  schema: z.object({ records: z.record(idSchema, schema) }),
  empty: () => ({ records: {} }),
});

/** A small collection kept in one file (sites, staff, accounts): read whole, written whole. */
export class DirectoryCollection<R extends WithId> {
  private readonly kind: FileKind<{ records: Record<string, R> }>;

  constructor(
    private readonly ds: DataStore,
    readonly rel: string,
    schema: z.ZodType<R>,
  ) {
    this.kind = recordsKind(schema);
  }

  all(): R[] {
    return Object.values(this.ds.read(this.rel, this.kind).records);
  }

  get(id: string): R | undefined {
    const records = this.ds.read(this.rel, this.kind).records;
    // An id such as `__proto__` passes the id pattern but must never reach Object.prototype.
    return Object.hasOwn(records, id) ? records[id] : undefined;
  }

  put(record: R): void {
    const current = this.ds.read(this.rel, this.kind).records;
    this.ds.write(this.rel, this.kind, { records: { ...current, [record.id]: record } });
  }

  putMany(records: R[]): void {
    const next = { ...this.ds.read(this.rel, this.kind).records };
    for (const r of records) next[r.id] = r;
    this.ds.write(this.rel, this.kind, { records: next });
  }

  /** Removes a record; for records with no history worth keeping (planning templates). */
  remove(id: string): void {
    const { [id]: _gone, ...rest } = this.ds.read(this.rel, this.kind).records;
    this.ds.write(this.rel, this.kind, { records: rest });
  }

  /** The write that would save `records`, for a caller saving several collections in one change. */
  writeOp(records: R[]): WriteOp {
    const next = { ...this.ds.read(this.rel, this.kind).records };
    for (const r of records) next[r.id] = r;
    return { rel: this.rel, kind: this.kind, value: { records: next } };
  }
}

/**
 * A large, growing collection split into small files by month and site (`shifts/2026-11/CH`), so an edit
 * rewrites one small file and its cost does not grow with years of history. Only the months asked for
 * are read.
 */
export class PartitionedCollection<R extends WithId> {
  private readonly kind: FileKind<{ records: Record<string, R> }>;
  private known: Set<string> | null = null;
  private sorted: string[] | null = null;
  /**
   * Each partition's records as a list, by the records object read (files are never changed in place: a
   * write makes a new object). `Object.values` over a partition's id-keyed records is slow (V8 keeps
   * such objects as dictionaries and orders them on every call): ~30 ms for the 35,000 shifts of a
   * week's 26-week look-back, on every week the planner opened.
   */
  private readonly lists = new WeakMap<Record<string, R>, R[]>();

  constructor(
    private readonly ds: DataStore,
    readonly name: string,
    schema: z.ZodType<R>,
    /** `yyyy-mm/SITE` for a record. */
    readonly partitionOf: (r: R) => string,
  ) {
    this.kind = recordsKind(schema);
  }

  private rel(key: string): string {
    return `partitions/${this.name}/${key}`;
  }

  /** The records of one partition, by id. */
  partition(key: string): Record<string, R> {
    return this.ds.read(this.rel(key), this.kind).records;
  }

  /** The same, for a pass over the whole history: read without displacing the files in use from the cache. */
  partitionOnce(key: string): Record<string, R> {
    return this.ds.read(this.rel(key), this.kind, { keep: false }).records;
  }

  /**
   * A partition's records as a list. The same array for as long as the partition is unchanged (a write
   * makes a new one), so work derived from it can be kept by the array; it must not be changed.
   */
  list(key: string): readonly R[] {
    const records = this.partition(key);
    let list = this.lists.get(records);
    if (!list) this.lists.set(records, (list = Object.values(records)));
    return list;
  }

  /** Records of the given months, for the given sites (all sites when omitted). */
  inMonths(months: string[], sites?: string[]): R[] {
    const keys = this.keys().filter((k) => months.includes(k.slice(0, 7)) && (!sites || sites.includes(k.slice(8))));
    const out: R[] = [];
    for (const k of keys) for (const r of this.list(k)) out.push(r);
    return out;
  }

  /** Every partition key on disk, oldest first. */
  keys(): string[] {
    this.known ??= new Set(this.ds.list(`partitions/${this.name}`).map((rel) => rel.slice(`partitions/${this.name}/`.length)));
    // Sorted once until a new partition is written: ten years are ~1,800 keys, and every week the
    // planner shows asks for them several times.
    if (this.sorted?.length !== this.known.size) this.sorted = [...this.known].sort();
    return [...this.sorted];
  }

  /** Saves records; a record whose partition changed (a shift moved to another month) leaves its old one in the same change. */
  put(records: R[], previous: R[] = []): void {
    const ops = this.writeOps(records, previous);
    this.ds.writeMany(ops);
    this.wrote(ops);
  }

  /** The writes that would save `records` (as `put` does), for a caller saving several collections in one change. */
  writeOps(records: R[], previous: R[] = []): WriteOp[] {
    const touched = new Map<string, Record<string, R>>();
    const load = (key: string) => {
      if (!touched.has(key)) touched.set(key, { ...this.partition(key) });
      return touched.get(key)!;
    };
    for (const old of previous) {
      const match = records.find((r) => r.id === old.id);
      if (match && this.partitionOf(match) !== this.partitionOf(old)) delete load(this.partitionOf(old))[old.id];
    }
    for (const r of records) load(this.partitionOf(r))[r.id] = r;
    return [...touched].map(([key, recs]) => ({ rel: this.rel(key), kind: this.kind, value: { records: recs } }));
  }

  /** Notes partitions saved through `writeOps`, so `keys` lists them. */
  wrote(ops: WriteOp[]): void {
    const prefix = `partitions/${this.name}/`;
    if (this.known) for (const op of ops) if (op.rel.startsWith(prefix)) this.known.add(op.rel.slice(prefix.length));
  }
}
