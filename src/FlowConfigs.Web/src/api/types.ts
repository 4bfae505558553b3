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

export interface FlowConfig {
  id: string;
  description: string;
  variables: Record<string, string>;
  schema?: Record<string, VariableSchema>;
  prompts: Record<string, Record<string, PromptText>>;
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
}

export interface Locale {
  code: string;
  name: string;
  voices: string[];
}

export interface AppSettings {
  locales: Locale[];
  fallbackLocale?: string | null;
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
