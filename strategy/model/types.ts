import type { YamlNode, YamlSource } from '../parse/yaml';
import type { Lang, Path, SeveritySetting } from '../types';
import type { DateSpan } from '../dates';

export const MEASURE_STATUSES = ['idea', 'planned', 'pilot', 'active', 'completed', 'paused', 'cancelled'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];
export const FUNDING_STATUSES = ['candidate', 'planned', 'applied', 'granted', 'rejected'] as const;
export type FundingStatus = (typeof FUNDING_STATUSES)[number];
export const MILESTONE_STATUSES = ['open', 'done', 'cancelled'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];
export const AI_CATEGORIES = ['chatbot', 'text-recognition', 'decision-support', 'data-analysis', 'translation', 'generation', 'forecasting', 'image-analysis', 'speech', 'other'] as const;
export type AiCategory = (typeof AI_CATEGORIES)[number];
export const AI_RISKS = ['prohibited', 'high', 'limited', 'minimal', 'unclassified'] as const;
export type AiRisk = (typeof AI_RISKS)[number];
export const PROVIDERS = ['federal', 'state', 'eu', 'municipal', 'foundation', 'other'] as const;
export type Provider = (typeof PROVIDERS)[number];
/** `ai.system`: an AI system under the AI Act, or an algorithm a register lists that is not one (rule-based). */
export const AI_SYSTEM_KINDS = ['ai-system', 'algorithm'] as const;
export type AiSystemKind = (typeof AI_SYSTEM_KINDS)[number];
/** Kinds of impact assessment a register publishes (`register.impact_assessments[].kind`). */
export const IMPACT_ASSESSMENT_KINDS = ['dpia', 'fria', 'ethics', 'other'] as const;
export type ImpactAssessmentKind = (typeof IMPACT_ASSESSMENT_KINDS)[number];
/** Where a body is: EU law (the AI Act) applies in `eu` only. */
export const JURISDICTIONS = ['eu', 'uk'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];
/** Rule profiles (`lint.profile`): `register` leaves out strategy-only rules (funding, planning). */
export const LINT_PROFILES = ['strategy', 'register'] as const;
export type LintProfile = (typeof LINT_PROFILES)[number];
export const PARTNER_KINDS = ['university', 'research', 'start-up', 'company', 'municipality', 'public-agency', 'association', 'other'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];
/** States of an assessment that may be required: `privacy.dpia`, `ai.fria`. */
export const ASSESSMENT_STATES = ['required', 'in-progress', 'done', 'not-required'] as const;
export type AssessmentState = (typeof ASSESSMENT_STATES)[number];
/** `ai.eu_registration`. */
export const EU_REGISTRATION_STATES = ['pending', 'done', 'not-required'] as const;
/** `ethics.review`. */
export const ETHICS_REVIEW_STATES = ['pending', 'done', 'not-required'] as const;
/** `language` in strategy.yaml: the languages of messages and reports. */
export const LANGUAGES = ['de', 'en'] as const;
/** A rule's severity in `lint.rules` (and `--rule`, the editor settings). */
export const SEVERITY_SETTINGS = ['error', 'warning', 'info', 'off'] as const;

/** Where a model element was written: file, YAML source and the path of the element's mapping. */
export interface Origin {
  file: string;
  source: YamlSource;
  /** The YAML node of the element (a measure's mapping, a catalogue entry …). */
  node: YamlNode | null;
}

/** A string reference as written, with its path inside the owning mapping. */
export interface Ref {
  id: string;
  path: Path;
}

export interface Field {
  id: string;
  title: string;
  description?: string;
  origin: Origin;
}

export interface Goal {
  id: string;
  title: string;
  field?: Ref;
  description?: string;
  origin: Origin;
}

export interface Partner {
  id: string;
  name: string;
  kind?: PartnerKind;
  url?: string;
  origin: Origin;
}

export interface Programme {
  id: string;
  name: string;
  provider?: Provider;
  body?: string;
  url?: string;
  rate?: string | number;
  deadline?: string;
  notes?: string;
  origin: Origin;
}

export interface FundingEntry {
  source: string;
  status?: FundingStatus;
  amount?: number;
  date?: string;
  reference?: string;
  /** Expected (or actual) grant decision. */
  decision?: string;
  /** Proof of use (Verwendungsnachweis) due. */
  proof_of_use?: string;
  /** End of the earmarking period (Zweckbindungsfrist). */
  earmarked_until?: string;
  path: Path;
}

export interface Milestone {
  id: string;
  title: string;
  date?: string;
  span?: DateSpan;
  status?: MilestoneStatus;
  dependsOn: Ref[];
  path: Path;
}

export interface Waiver {
  rule: string;
  reason: string;
  until?: string;
  by?: string;
  path: Path;
}

export interface Privacy {
  personal_data?: boolean;
  dpia?: 'required' | 'in-progress' | 'done' | 'not-required';
  dpia_date?: string;
  dpo_consulted?: string;
  legal_basis?: string;
  ropa?: boolean;
}

export interface AiBlock {
  category?: AiCategory;
  risk?: AiRisk;
  purpose?: string;
  annex_iii?: string;
  exemption?: string;
  profiling?: boolean;
  human_oversight?: string;
  fria?: 'required' | 'in-progress' | 'done' | 'not-required';
  eu_registration?: 'pending' | 'done' | 'not-required';
  transparency_notice?: boolean;
  vendor?: string;
  model?: string;
  in_service_since?: string;
  /** `algorithm`: not an AI system (AI Act rules do not apply, register rules do); default `ai-system`. */
  system?: AiSystemKind;
}

/** A title with a link (legal basis, source data). */
export interface TitledLink {
  title?: string;
  url?: string;
}

export interface ImpactAssessment {
  kind?: ImpactAssessmentKind;
  /** Name of the assessment as published (e.g. "IAMA", "DEDA"). */
  title?: string;
  date?: string;
  url?: string;
  summary?: string;
  path: Path;
}

/** What a public algorithm/AI register publishes about the system (`register:` block). */
export interface RegisterInfo {
  contact?: string;
  website?: string;
  legalBasis?: string;
  legalBasisLinks: TitledLink[];
  impactAssessments: ImpactAssessment[];
  sourceData?: string;
  sourceDataLinks: TitledLink[];
  risks?: string;
  objection?: string;
  provider?: string;
  ids: { register?: string; source?: string; euDatabase?: string };
  /** Deployer-side contacts for the EU database (Annex VIII Section C points 1 and 2). */
  deployerContact?: string;
  submitterContact?: string;
}

/** The system's life cycle, apart from the project's `status`. Coarse dates allowed. */
export interface Lifecycle {
  developmentSince?: string;
  inUseSince?: string;
  retiredOn?: string;
}

export interface Ethics {
  review?: 'pending' | 'done' | 'not-required';
  date?: string;
  body?: string;
}

export interface Cost {
  total?: number;
  currency?: string;
  per_year?: number;
  /** Path of the number that holds the total (for ranges). */
  totalPath: Path;
}

export interface Measure {
  id: string;
  title: string;
  /** True when the title came from the first `#` heading of the Markdown body. */
  titleFromHeading?: boolean;
  field?: Ref;
  goals: Ref[];
  owner?: string;
  status?: MeasureStatus;
  start?: string;
  end?: string;
  startSpan?: DateSpan;
  endSpan?: DateSpan;
  dependsOn: Ref[];
  partners: Ref[];
  cost?: Cost;
  funding: FundingEntry[];
  privacy?: Privacy;
  ai?: AiBlock;
  ethics?: Ethics;
  milestones: Milestone[];
  waivers: Waiver[];
  tags: string[];
  /** Short public description (register publications limit it, e.g. 400 characters). */
  description?: string;
  register?: RegisterInfo;
  lifecycle?: Lifecycle;
  /** Overrides the strategy's `jurisdiction`. */
  jurisdiction?: Jurisdiction;
  /** The front matter / mapping as plain data. */
  data: Record<string, unknown>;
  origin: Origin;
  /** The Markdown body, parsed on first use (Markdown files only). */
  body?: MarkdownBody;
}

export interface MarkdownBody {
  /** Body text after the front matter. */
  readonly text: string;
  /** Offset of the body in the file. */
  readonly offset: number;
  /** mdast root of the whole file (front matter node included); parsed on first call. */
  tree(): import('mdast').Root;
  /** First paragraph as plain text, for summaries. */
  summary(): string | undefined;
}

export interface LintConfig {
  rules: Record<string, SeveritySetting>;
  deadlineDays?: number;
  /** Default `strategy`. */
  profile?: LintProfile;
}

export interface StrategyConfig {
  schema?: number;
  title?: string;
  organisation?: string;
  language?: Lang;
  adopted?: { date?: string; reference?: string };
  horizon?: { start?: string; end?: string };
  horizonSpan?: { first?: string; last?: string };
  aiLiteracy?: { description?: string; since?: string; measure?: Ref };
  include: string[];
  lint: LintConfig;
  /** Default `eu`. */
  jurisdiction?: Jurisdiction;
  /** `ai_act.version`: pins the version of the AI Act; default: the one in force on the as-of date. */
  aiActVersion?: import('../data/ai-act').AiActVersionId;
  data: Record<string, unknown>;
  origin?: Origin;
}

/**
 * The model without its measures: what a measure rule may read besides its own measure (strategy
 * config and catalogues). Its results are cached per measure, so it must not read other measures.
 */
export type Catalogues = Omit<Model, 'measures' | 'measureById' | 'files'>;

export interface Model {
  strategy: StrategyConfig;
  fields: Field[];
  goals: Goal[];
  partners: Partner[];
  programmes: Programme[];
  measures: Measure[];
  fieldById: Map<string, Field>;
  goalById: Map<string, Goal>;
  partnerById: Map<string, Partner>;
  programmeById: Map<string, Programme>;
  /** First measure per id (duplicates are reported by `duplicate-id`). */
  measureById: Map<string, Measure>;
  /** Every repository file the model was built from (relative paths). */
  files: string[];
}
