import type { Rule } from '../../engine/rule';
import type { ChannelSite } from '../../model/channel';
import type { RaceSite } from '../../model/race';
import { type SlotPlan, analyzeSlot } from './analyze';
import { fixSlot } from './fix';
import { messages } from './messages';

// Go's forgotten sender, literally: an unbuffered channel whose receiver left. One slot lets the
// late send finish; an iterator abandoned by a lost race is returned.
export const bufferedSlot: Rule<ChannelSite | RaceSite, SlotPlan> = {
  name: 'buffered-slot',
  summary: 'Gives a one-shot rendezvous channel (`new TransformStream()`, an unbuffered `Repeater`) a one-slot buffer so its late sender finishes, and returns an async iterator that lost a race to a timer.',
  messages,
  mayApply: (source) => source.includes('TransformStream') || source.includes('Repeater') || source.includes('async-channel') || source.includes('js-csp') || /\.next\(\)/.test(source),
  calls: ['TransformStream', 'Repeater', 'Channel', 'chan', 'race'],
  kinds: ['channel', 'race'],
  analyze: analyzeSlot,
  fix: fixSlot,
};
