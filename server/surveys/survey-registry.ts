import type { SurveyDefinition } from '../../survey-defs/schema';

/** The questionnaires this server offers, every version, looked up by id. */
export class SurveyRegistry {
  private readonly byId = new Map<string, SurveyDefinition[]>();

  constructor(defs: SurveyDefinition[]) {
    for (const def of defs) {
      const versions = this.byId.get(def.id) ?? [];
      if (versions.some((v) => v.version === def.version)) throw new Error(`survey ${def.id} v${def.version} is defined twice`);
      versions.push(def);
      versions.sort((a, b) => a.version - b.version);
      this.byId.set(def.id, versions);
    }
  }

  /** The given version, or the latest published one when no version is asked for. */
  get(id: string, version?: number): SurveyDefinition | undefined {
    const versions = this.byId.get(id);
    if (!versions) return undefined;
    if (version !== undefined) return versions.find((v) => v.version === version);
    return versions.filter((v) => v.status === 'published').at(-1);
  }

  /** The latest published version of every questionnaire. */
  listPublished(): SurveyDefinition[] {
    return [...this.byId.keys()].map((id) => this.get(id)).filter((d): d is SurveyDefinition => d !== undefined);
  }

  all(): SurveyDefinition[] {
    return [...this.byId.values()].flat();
  }
}
