import type { MessageTable } from '../../engine/finding';
import { messages as raceMessages } from '../race-timeout/messages';

// a race with an iterator's `next()` arm is this rule's: its timer's verdicts read as race-timeout's
export const messages = {
  ...raceMessages,
  fixed: {
    what: 'rendezvous channel or iterator raced against a timer',
    why: 'its sender stayed blocked, or the iterator open, after the consumer left',
    fix: 'the channel has one slot now (the sender finishes), and a lost race returns the iterator',
  },
  shadowed: {
    what: 'rendezvous channel `{name}`',
    why: '`{name}` here is not the {origin}',
    fix: 'rename the local `{name}`, or give the channel a one-slot buffer by hand',
  },
  channelShape: {
    what: 'rendezvous channel `new {name}()`',
    why: 'it is not held in a const of the function that uses it, so its sends and receives cannot be counted',
    fix: 'declare the channel in the function that sends and receives on it, or give it a one-slot buffer by hand',
  },
  channelUsedElsewhere: {
    what: 'rendezvous channel `{name}`',
    why: 'it is used beyond one send and one receive (`{use}`), so a buffer could change what a reader sees',
    fix: 'if exactly one value is ever sent, give it a one-slot buffer by hand',
  },
  manySends: {
    what: 'rendezvous channel `{name}`',
    why: 'it has {count} sends; a one-slot buffer frees only a single sender',
    fix: 'send once per channel, or have the receiver drain or cancel the channel when it gives up',
  },
  sendNotLast: {
    what: 'rendezvous channel `{name}`',
    why: 'the send is not the producer\'s last action, so buffering it would let the producer run on earlier',
    fix: 'make the send the last statement of the producer, or cancel the channel when the receiver gives up',
  },
  sendInLoop: {
    what: 'rendezvous channel `{name}`',
    why: 'the producer runs in a loop, so more than one value may be sent',
    fix: 'create one channel per producer, or cancel the channel when the receiver gives up',
  },
  producerShape: {
    what: 'rendezvous channel `{name}`',
    why: 'the sending function is not called once right where it is written (an IIFE or a `.then` callback) with its result unused',
    fix: 'send from an immediately called async function whose result nobody awaits, or buffer the channel by hand',
  },
  notOneShot: {
    what: 'rendezvous channel `{name}`',
    why: 'it is received from more than once or in a loop, so it is not a one-shot channel',
    fix: 'if exactly one value is ever sent, give it a one-slot buffer by hand',
  },
  stopUsed: {
    what: 'Repeater `{name}`',
    why: 'the executor also uses `{stop}`, so the push is not the only way the repeater ends',
    fix: 'give the repeater `new FixedBuffer(1)` by hand if the push is still the last thing it does',
  },
  iteratorNotOwned: {
    what: '`{name}.next()` raced against a timer',
    why: '`{name}` is not an async generator this function created, so returning it could close a stream someone else reads',
    fix: 'call `{name}.return()` when the timer wins, if this code owns the iterator',
  },
  iteratorUsedElsewhere: {
    what: '`{name}.next()` raced against a timer',
    why: 'the iterator is used again outside this race, so returning it when the timer wins could end a later read',
    fix: 'call `{name}.return()` once this code is done with the iterator',
  },
  raceCaught: {
    what: '`{name}.next()` raced against a timer',
    why: 'the race\'s rejection is handled in this function, which may go on reading the iterator',
    fix: 'call `{name}.return()` on the path that gives up on the iterator',
  },
  timerNotRejecting: {
    what: '`{name}.next()` raced against a timer',
    why: 'the timer arm `{arm}` is not an inline timer that rejects, so the timeout may not reach a rejection handler',
    fix: 'race against `new Promise((_, reject) => setTimeout(() => reject(err), ms))`, or call `{name}.return()` when your timer wins',
  },
  iteratorReturnsValue: {
    what: '`{name}.next()` raced against a timer',
    why: '`{name}.return()` with no argument would not type-check: the generator returns a value, or its type makes `return` optional or want one',
    fix: 'call `{name}.return(…)` yourself when the timer wins, as its type allows',
  },
  alreadyReturned: {
    what: '`{name}.next()` raced against a timer',
    why: 'the iterator is already returned by this function',
    fix: 'nothing to do',
  },
  returnedOnSomePaths: {
    what: '`{name}.next()` raced against a timer',
    why: 'the iterator is returned only on some paths: when the timer wins, it is left open',
    fix: 'return it in a `finally` around the race, or in a rejection handler on it',
  },
} satisfies MessageTable;

export type MessageId = keyof typeof messages;
