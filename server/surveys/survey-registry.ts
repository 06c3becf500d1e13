import type { SurveyDefinition } from '../../survey-defs/schema';

/** When a version stopped being offered (ISO instant), by `<id>@<version>`. */
export type Retirements = ReadonlyMap<string, string>;

/**
 * The questionnaires this server offers, every version, looked up by id. Reads are synchronous
 * (about 25 call sites, several on hot paths); the contents come from the database and are
 * replaced whole when another server publishes or retires a version (see
 * server/questionnaires/catalog-sync.ts, which `refresh()` runs).
 */
export class SurveyRegistry {
  private byId = new Map<string, SurveyDefinition[]>();
  private retired: Retirements = new Map();
  /** The catalog generation the contents were read at (0: not read from the database). */
  generation = 0;
  private sync?: () => Promise<void>;

  constructor(defs: SurveyDefinition[], retired: Retirements = new Map()) {
    this.byId = index(defs);
    this.retired = retired;
  }

  /** Puts in a new set of definitions at once: a reader never sees half of two catalogs. */
  replace(defs: SurveyDefinition[], retired: Retirements, generation: number): void {
    this.byId = index(defs);
    this.retired = retired;
    this.generation = generation;
  }

  /** How `refresh()` brings the contents up to date (set at boot, on the database). */
  attachSync(sync: () => Promise<void>): void {
    this.sync = sync;
  }

  /** Re-reads the catalog when another server changed it since (one small read otherwise). */
  async refresh(): Promise<void> {
    await this.sync?.();
  }

  /**
   * The given version (retired ones too: answers and scores of the past keep their definition),
   * or without a version the latest one offered; when every version is retired, the latest
   * published, so that the scores of a retired questionnaire still read.
   */
  get(id: string, version?: number): SurveyDefinition | undefined {
    const versions = this.byId.get(id);
    if (!versions) return undefined;
    if (version !== undefined) return versions.find((v) => v.version === version);
    return this.offered(id) ?? versions.filter((v) => v.status === 'published').at(-1);
  }

  /** The latest published version that is not retired: what a citizen is asked now. */
  offered(id: string): SurveyDefinition | undefined {
    return (this.byId.get(id) ?? []).filter((v) => v.status === 'published' && !this.isRetired(v.id, v.version)).at(-1);
  }

  /** When the version was retired, if it was. */
  retiredAt(id: string, version: number): string | undefined {
    return this.retired.get(`${id}@${version}`);
  }

  isRetired(id: string, version: number): boolean {
    return this.retired.has(`${id}@${version}`);
  }

  /** The latest offered version of every questionnaire (none when all its versions are retired). */
  listPublished(): SurveyDefinition[] {
    return [...this.byId.keys()].map((id) => this.offered(id)).filter((d): d is SurveyDefinition => d !== undefined);
  }

  /** The latest published version of every questionnaire, retired or not: what past scores read. */
  listLatest(): SurveyDefinition[] {
    return [...this.byId.keys()].map((id) => this.get(id)).filter((d): d is SurveyDefinition => d?.status === 'published');
  }

  all(): SurveyDefinition[] {
    return [...this.byId.values()].flat();
  }
}

function index(defs: SurveyDefinition[]): Map<string, SurveyDefinition[]> {
  const byId = new Map<string, SurveyDefinition[]>();
  for (const def of defs) {
    const versions = byId.get(def.id) ?? [];
    if (versions.some((v) => v.version === def.version)) throw new Error(`survey ${def.id} v${def.version} is defined twice`);
    versions.push(def);
    versions.sort((a, b) => a.version - b.version);
    byId.set(def.id, versions);
  }
  return byId;
}

export function retirementKey(id: string, version: number): string {
  return `${id}@${version}`;
}
