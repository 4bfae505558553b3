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
  version?: number;
}

export interface InitSettings {
  auth: { mode: "development" | "oidc"; authority: string; clientId?: string; scopes: string[] };
  branding: { productName: string };
}

export interface RevisionSummary {
  version: number;
  at: string;
  by: string;
  action: "save" | "delete" | "rollback";
}

export interface Revision extends RevisionSummary {
  document: FlowConfig;
}

/** What an import does with an item, decided before anything is written. */
export type ImportAction = "create" | "update" | "conflict" | "invalid" | "forbidden";

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
