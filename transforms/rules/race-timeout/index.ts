import type { Rule } from '../../engine/rule';
import type { RaceSite } from '../../model/race';
import { type RacePlan, analyzeRace } from './analyze';
import { fixRace } from './fix';
import { messages } from './messages';

// Promise.race([work, new Promise((_, reject) => setTimeout(() => reject(err), ms))]) leaves the
// timer armed when the work wins, and leaves the work running when the timer wins: Go's forgotten
// sender. The fix clears the timer as soon as the race settles, on every path, and aborts a losing
// `fetch` once the timer has settled the race.
export const raceTimeout: Rule<RaceSite, RacePlan> = {
  name: 'race-timeout',
  summary: 'Clears the timer of a `Promise.race` timeout as soon as the race settles, and aborts a `fetch` that loses to it.',
  messages,
  mayApply: (source) => source.includes('race') || source.includes('.any('),
  calls: ['race', 'any'],
  kinds: ['race'],
  analyze: analyzeRace,
  fix: fixRace,
};
