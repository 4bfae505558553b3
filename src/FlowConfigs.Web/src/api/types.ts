// The API's JSON shapes, as the gateway sends them.

export type VariableType = "text" | "number" | "boolean" | "select";

export interface VariableSchema {
  type: VariableType;
  options?: string[];
}

export interface PromptText {
  voice: string;
  chat?: string;
}

/**
 * A time-based override: a window (start and end, local wall-clock times "yyyy-MM-ddTHH:mm" in the config's zone,
 * optionally repeated by an RRULE such as "FREQ=WEEKLY;BYDAY=SU") or every event of a shared calendar. While it
 * applies it replaces the variables and prompt languages it names; where entries overlap, the first listed wins.
 */
export interface ScheduleEntry {
  name: string;
  start?: string;
  end?: string;
  repeat?: string;
  calendar?: string;
  variables?: Record<string, string>;
  prompts?: Record<string, Record<string, PromptText>>;
}

export interface FlowConfig {
  id: string;
  description: string;
  variables: Record<string, string>;
  schema?: Record<string, VariableSchema>;
  prompts: Record<string, Record<string, PromptText>>;
  /** An IANA zone such as America/Chicago; absent means the settings' zone. */
  timeZone?: string;
  schedule?: ScheduleEntry[];
  version?: number;
  updatedAt?: string;
  updatedBy?: string;
}

export type AccessLevel = "none" | "read" | "edit" | "full";

export interface FlowConfigSummary {
  id: string;
  description: string;
  accessLevel: AccessLevel;
  version: number;
  updatedAt?: string;
  updatedBy?: string;
}

/** A page of the list; `cursor` asks for the next and is absent on the last page. */
export interface FlowConfigPage {
  items: FlowConfigSummary[];
  cursor?: string;
}

export interface ListQuery {
  /** An id prefix. */
  pattern?: string;
  /** Text the id, description or changed-by contains, in any letter case. */
  q?: string;
  /** 1 to 1000; the server's default is 100. */
  limit?: number;
  cursor?: string;
}

export interface Me {
  username: string;
  groups: string[];
  tags: { full: string[]; edit: string[]; read: string[] };
  canCreateConfigs: boolean;
  canManageSettings: boolean;
  /** Creating, changing and deleting shared calendars (Full on every config). */
  canManageCalendars: boolean;
  /** Reading the audit log (Full on every config). */
  canViewAudit: boolean;
  /** Seeing the cluster view (Full on every config). */
  canViewOperations: boolean;
}

export interface Locale {
  code: string;
  name: string;
  voices: string[];
}

export interface AppSettings {
  locales: Locale[];
  fallbackLocale?: string | null;
  /** The zone of configs that name none; absent means UTC. */
  timeZone?: string | null;
  /** Change control: the first rule whose pattern matches a config's id says how many approvals a change needs. */
  approvals?: ApprovalRule[];
  version?: number;
}

/** `pattern` is an id pattern like access patterns ("queue/*", "*"); `approvers` is 1 to 5. */
export interface ApprovalRule {
  pattern: string;
  approvers: number;
}

export interface InitSettings {
  auth: { mode: "development" | "oidc"; authority: string; clientId?: string; scopes: string[] };
  branding: { productName: string };
}

export type RevisionAction = "save" | "delete" | "rollback" | "publish";

export interface RevisionSummary {
  version: number;
  at: string;
  by: string;
  action: RevisionAction;
  /** A change that went live without the approvals its config needs, and why. */
  emergency?: Emergency | null;
  /** Who approved a published draft. */
  approvedBy?: string[] | null;
}

export interface Emergency {
  reason: string;
}

export interface Revision extends RevisionSummary {
  document: FlowConfig;
}

/** What an import does with an item, decided before anything is written. */
export type ImportAction = "create" | "update" | "conflict" | "invalid" | "forbidden" | "draftRequired";

/** What became of an item once the import ran: skipped means its action left it alone. */
export type ImportStatus = "created" | "updated" | "skipped" | "failed";

/** One item of an import file (index from 0); status is absent in a dry run. */
export interface ImportItem {
  index: number;
  id?: string;
  action: ImportAction;
  status?: ImportStatus;
  version?: number;
  currentVersion?: number;
  error?: string;
  errors?: Record<string, string[]>;
}

export interface ImportOptions {
  dryRun?: boolean;
  overwrite?: boolean;
}

/** One voice the gateway's speech provider offers (Amazon Polly in AWS, espeak-ng locally). */
export interface SpeechVoice {
  id: string;
  name: string;
  /** Prompt languages it speaks, such as en-US. */
  languageCodes: string[];
  gender?: string;
}

export interface SpeechVoiceList {
  /** The provider as people know it, e.g. "Amazon Polly". */
  provider: string;
  voices: SpeechVoice[];
}

/** One contiguous stretch of a config's timeline: instants with offsets, and the entries that apply throughout it. */
export interface TimelineSegment {
  start: string;
  end: string;
  entries: string[];
}

/** An event of a shared calendar: floating local times, read in the zone of each config that uses the calendar. */
export interface CalendarEvent {
  name: string;
  start: string;
  end: string;
  repeat?: string;
}

export interface Calendar {
  id: string;
  description: string;
  events: CalendarEvent[];
  version?: number;
  updatedAt?: string;
  updatedBy?: string;
}

export interface CalendarSummary {
  id: string;
  description: string;
  version: number;
  updatedAt?: string;
  updatedBy?: string;
  eventCount: number;
}

/** An import is stored as a save. */
export interface CalendarRevisionSummary {
  version: number;
  at: string;
  by: string;
  action: "save" | "delete" | "rollback";
}

export type DraftState = "draft" | "submitted" | "approved" | "rejected";

export interface DraftComment {
  by: string;
  at: string;
  text: string;
  action: "comment" | "submit" | "approve" | "reject" | "publish" | "outOfDate";
}

export interface DraftApproval {
  by: string;
  at: string;
}

/** The one shared proposed change of a config; it never changes what contact flows read until it is published. */
export interface Draft {
  id: string;
  /** The draft's own version (its ETag); the document's version is the live version it started from. */
  version: number;
  document: FlowConfig;
  /** The live version it started from; 0 when the config does not exist yet. */
  base: number;
  state: DraftState;
  /** Everyone who wrote the document, in order of first edit; none of them may approve it. */
  authors: string[];
  approvals: DraftApproval[];
  /** Oldest first. */
  comments: DraftComment[];
  approvalsRequired: number;
  publishAt?: string | null;
  /** Set when the live config moved on (or was deleted) after the draft started. */
  outOfDate?: { at: string; reason: string; liveVersion: number } | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/** One field of a draft that differs from live; `before` and `after` are the JSON values at that path. */
export interface DraftChange {
  path: string;
  kind: "added" | "removed" | "changed";
  before?: unknown;
  after?: unknown;
}

export interface DraftDiff {
  base: number;
  /** 0 when the config does not exist. */
  liveVersion: number;
  changes: DraftChange[];
}

/** What publishing now answers: the new live config; the draft is gone. */
export interface Published {
  config: FlowConfig;
  draft: null;
}

export interface ReviewItem {
  id: string;
  draftVersion: number;
  base: number;
  state: DraftState;
  authors: string[];
  /** Who approved it so far (names; the Draft tab has when). */
  approvals: string[];
  approvalsRequired: number;
  submittedAt?: string | null;
  submittedBy?: string | null;
  description: string;
  publishAt?: string | null;
  /** Live moved since the draft started: it cannot be published as it is. */
  outOfDate: boolean;
}

export type AuditKind = "flowconfig" | "draft" | "settings" | "calendar";

export interface AuditEntry {
  /** Opaque and unique. */
  seq: string;
  at: string;
  by: string;
  kind: AuditKind;
  /** A config id, calendar id, or "application-settings". */
  id: string;
  version?: number;
  action: string;
  comment?: string;
  approvedBy?: string[];
  emergency?: Emergency | null;
  detail?: string;
}

export interface AuditPage {
  items: AuditEntry[];
  nextCursor?: string;
}

/** The audit's filters; empty ones are not sent. `from` and `to` are ISO times or dates. */
export interface AuditFilters {
  id?: string;
  user?: string;
  from?: string;
  to?: string;
  action?: string;
}

/** Reads a silo answered from memory (hits) or by a grain call (misses) since it started. */
export interface ReadCopyFigures {
  hits: number;
  misses: number;
  /** 0..1; null before the first read. */
  hitRate: number | null;
  copies: number;
}

/** One task of the cluster; version and readCopies are its own report, null when it did not answer or is not active. */
export interface SiloView {
  address: string;
  name: string;
  host: string;
  status: string;
  startedAt: string;
  lastSeenAt: string;
  uptimeSeconds: number | null;
  version: string | null;
  activations: number | null;
  activationsByType: Record<string, number> | null;
  isThisSilo: boolean;
  readCopies: ReadCopyFigures | null;
}

export interface ClusterView {
  at: string;
  silos: SiloView[];
}

/** One UTC calendar day ("yyyy-MM-dd") of a config's GetConfig reads. */
export interface UsageDay {
  day: string;
  reads: number;
  /** Reads that used the settings' fallback locale for at least one prompt. */
  fallback: number;
  byLanguage: Record<string, number>;
  /** Only channels with reads that day. */
  byChannel: Record<string, number>;
  /** language → prompt → reads in that language where the prompt had no text in it. */
  missingPrompts: Record<string, Record<string, number>>;
}

/** A config's reads over the last `days.length` days, oldest day first, every day present. */
export interface ConfigUsage {
  id: string;
  days: UsageDay[];
  reads: number;
  fallback: number;
  /** Absent (or null) when nobody read it in the 90 days kept. */
  lastReadAt?: string | null;
}

export interface UsageCount {
  id: string;
  reads: number;
  /** Absent (or null) when nobody read it in the 90 days kept. */
  lastReadAt?: string | null;
}

export interface MissingTranslation {
  id: string;
  language: string;
  prompts: string[];
  reads: number;
}

/** Reads of every config the caller may read, over a window of days. */
export interface UsageOverview {
  configs: UsageCount[];
  /** Readable configs nobody read in the window. */
  unused: string[];
  /** Ids flows asked for that no config has, most asked first; only for users with Full access on every config. */
  missingIds?: UsageCount[] | null;
  missingTranslations: MissingTranslation[];
}
