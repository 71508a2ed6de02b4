// A rule reads the sites the model found and owns (analyze: site → verdict, no edits), and turns a
// fixable verdict into text edits (fix: plan → edits, no decisions). Messages are a table of ids.
import type { Facts } from '../model/facts';
import type { Site } from '../model/sites';
import type { Edit } from './edits';
import type { MessageTable, Status } from './finding';
import type { Names } from './names';
import type { Project } from './project';
import type { Style } from './style';

/** the calls a file must hold for a rule to find anything (see ./prefilter.ts) */
export type CallPattern = string | { readonly callee: string; readonly inside?: string; readonly callsParameter?: boolean };

export interface RuleContext {
  facts: Facts;
  options: Readonly<Record<string, unknown>>;
}

export interface FixContext extends RuleContext {
  /** the file's style, read on the first fix */
  style(): Style;
  /** what the project around the file allows (./project.ts), read on the first fix that asks */
  project(): Project;
  names: Names;
}

/** a finding a rule makes beside its verdict (a fix that leaves a loser running, say) */
export interface Remark {
  status: Exclude<Status, 'fixed' | 'crashed'>;
  messageId: string;
  data?: Record<string, string>;
  /** where it points; the site's anchor when absent */
  at?: any;
}

export type Verdict<Plan> =
  /** `messageId` (default `fixed`) and `data` say what the fix mended, when it is not the rule's usual leak */
  | {
      status: 'fixable';
      plan: Plan;
      remarks?: Remark[];
      messageId?: string;
      data?: Record<string, string>;
      /**
       * the output must type-check as the input did (./types.ts `typesHold`): when it does not, or
       * `required` and that cannot be told, the fix is dropped and `refusal` reported instead
       */
      verifyTypes?: { required: boolean; refusal: Remark };
    }
  | (Remark & { status: 'refused' | 'unknown' | 'safe' });

export interface Rule<S extends Site = Site, Plan = unknown> {
  /** verb-object name, also the file name under transforms/ and the id in every report */
  name: string;
  /** one sentence for the README and --help */
  summary: string;
  messages: MessageTable;
  /** cheap text test: a file failing it is never parsed for this rule */
  mayApply(source: string): boolean;
  /** calls one of which a file must hold (checked on the tree before the model is built) */
  calls: readonly CallPattern[];
  /** the site kinds this rule may own */
  kinds: readonly S['kind'][];
  analyze(site: S, context: RuleContext): Verdict<Plan> | undefined;
  fix(plan: Plan, context: FixContext): Edit[];
}

export type AnyRule = Rule<any, any>;
