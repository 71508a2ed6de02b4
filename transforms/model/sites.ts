// The sites of one file, found once and owned by one rule each: whichever rules run, a site gets one
// verdict, from its owner.
import type { Facts } from './facts';
import { type AbortSite, abortTimerCalls, buildAbortSite } from './abort';
import { type CallbackSite, buildCallbackSite, timerCalls } from './callback';
import { type ChannelSite, buildChannelSite, channelCandidates } from './channel';
import { type ExecutorSite, buildExecutorSite, newPromiseCalls } from './executor';
import { type RaceSite, buildRaceSite, raceCalls } from './race';
import { type WatchdogSite, buildWatchdogSite } from './watchdog';

export type Site = RaceSite | ExecutorSite | AbortSite | CallbackSite | ChannelSite | WatchdogSite;

export type SiteKind = Site['kind'];

/** `once(emitter, 'x')` that is not node:events' `once`: listener-timeout says so */
export function isOnceLookalike(head: any): boolean {
  return head?.type === 'CallExpression' && head.callee.type === 'Identifier' && head.callee.name === 'once';
}

/** the rule that owns a site */
export function ownerOf(site: Site): string {
  switch (site.kind) {
    case 'race':
      if (site.arms.some((arm) => arm.arm.role === 'listener' || (arm.arm.role === 'work' && isOnceLookalike(arm.arm.head)))) return 'listener-timeout';
      if (site.arms.some((arm) => arm.arm.role === 'iterator')) return 'buffered-slot';
      return 'race-timeout';
    case 'executor':
      return 'executor-timeout';
    case 'listener':
      return 'listener-timeout';
    case 'abort':
      return 'abort-timeout';
    case 'callback':
      return 'callback-settled';
    case 'channel':
      return 'buffered-slot';
    case 'watchdog':
      return 'watchdog-timeout';
  }
}

// Each builder is asked only when a rule that may own its kind runs; a site whose anchor another
// site already holds as an arm is not a site of its own.
// A builder that throws on one candidate loses that candidate only: `crashed` hears of it.
export function findSites(facts: Facts, kinds: ReadonlySet<SiteKind>, crashed: (node: any, error: unknown, kind: SiteKind) => void = () => undefined): Site[] {
  const sites: Site[] = [];
  const attempt = (kind: SiteKind, node: any, build: () => Site | undefined) => {
    try {
      const site = build();
      if (site) sites.push(site);
    } catch (error) {
      crashed(node, error, kind);
    }
  };
  if (kinds.has('race')) {
    for (const race of raceCalls(facts)) attempt('race', race, () => buildRaceSite(facts, race));
  }
  if (kinds.has('executor') || kinds.has('listener')) {
    for (const newPromise of newPromiseCalls(facts)) {
      attempt('executor', newPromise, () => {
        const site = buildExecutorSite(facts, newPromise);
        return site && kinds.has(site.kind) ? site : undefined;
      });
    }
  }
  if (kinds.has('abort')) {
    for (const call of abortTimerCalls(facts)) attempt('abort', call, () => buildAbortSite(facts, call));
  }
  if (kinds.has('callback')) {
    // two timers calling one callback are two sites, each refused for the other
    for (const call of timerCalls(facts)) attempt('callback', call, () => buildCallbackSite(facts, call));
  }
  if (kinds.has('watchdog')) {
    for (const call of timerCalls(facts)) attempt('watchdog', call, () => buildWatchdogSite(facts, call));
  }
  if (kinds.has('channel')) {
    for (const node of channelCandidates(facts)) attempt('channel', node, () => buildChannelSite(facts, node));
  }
  return sites.sort((a, b) => a.node.start - b.node.start);
}
