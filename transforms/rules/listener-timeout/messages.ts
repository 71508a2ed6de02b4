import type { MessageTable } from '../../engine/finding';
import { messages as executorMessages } from '../executor-timeout/messages';
import { messages as raceMessages } from '../race-timeout/messages';

// a race with an `events.once()` arm is this rule's: its timer's verdicts read as race-timeout's
export const messages = {
  ...raceMessages,
  subscriptionDropped: executorMessages.subscriptionDropped,
  keptCallback: executorMessages.keptCallback,
  intervalLeft: executorMessages.intervalLeft,
  fixedTimerOnly: {
    what: 'listener raced against a timer',
    why: 'its timer stayed armed on a path by which the promise settles (an event this does not see clear it, a settle outside the handlers, or a throw)',
    fix: 'the timer is now cleared as soon as the promise settles, however it settles',
  },
  listenersLeft: {
    what: 'listener raced against a timer',
    why: 'the listeners are not released on every path (this does not see {missing}), and this fix adds no removal',
    fix: 'remove every listener on every path (a `cleanup()` called by each handler and by the timer)',
  },
  fixedTimerRemovals: {
    what: 'listener raced against a timer',
    why: 'the events clear the timer and remove the other listeners, but the timer left its {names} attached',
    fix: 'the timer now removes them too',
  },
  fixedEventRemovals: {
    what: 'listener raced against a timer',
    why: 'the timer is cleared whichever side settles first, but nothing removes {names}: the winner leaves them attached',
    fix: 'each event now removes them where it settles, and the timer after it settles',
  },
  fixedEventClears: {
    what: 'listener raced against a timer',
    why: 'every listener is removed whichever side settles first, but an event that settles the promise leaves the timer armed',
    fix: 'each event now clears the timer where it settles',
  },
  fixed: {
    what: 'listener raced against a timer',
    why: 'a listener stayed attached, or the timer armed, after the promise settled',
    fix: 'the timer is now cleared and every listener removed whichever side settles first',
  },
  shadowed: {
    what: 'listener raced against a timer',
    why: '`{name}` here is not the global (it is declared or imported in this file)',
    fix: 'remove the listener and clear the timer by hand, or rename the local `{name}`',
  },
  alreadyCleaned: {
    what: 'listener raced against a timer',
    why: 'the timer is cleared when an event comes, and every listener is removed when the timer fires or another event comes',
    fix: 'nothing to do',
  },
  handlerShape: {
    what: 'listener raced against a timer',
    why: 'the handler `{name}` does more than settle the promise, so clearing the timer when it runs could be wrong',
    fix: 'pass `resolve` (or `() => resolve(value)`) as the listener and do the rest after the promise settles',
  },
  settledOutsideHandlers: {
    what: 'listener raced against a timer',
    why: '`{call}` settles the promise outside the handlers and the timer, and leaves the listeners and the timer on that path, which a cleanup in them would not reach',
    fix: 'return right after it, before adding the listeners and arming the timer, or settle through a handler',
  },
  namedHandlerTypes: {
    what: 'listener raced against a timer',
    why: 'named as a const of its own, the handler would not type-check as it does inline: the call types its parameters, its return or its removal otherwise',
    fix: 'name and type the handler yourself, then remove it and clear the timer on every path',
  },
  untypedHandler: {
    what: 'listener raced against a timer',
    why: 'the inline handler has untyped parameters, which lose their contextual type once hoisted into a const, and no type that can be written there is known for them',
    fix: 'annotate the handler\'s parameters',
  },
  emitterShape: {
    what: 'listener raced against a timer',
    why: 'the target `{name}` is not a plain variable, so removing the listener later might reach another object',
    fix: 'keep the emitter in a const and remove the listener from it when the timer fires',
  },
  listenerPosition: {
    what: 'listener raced against a timer',
    why: 'a listener is added inside a branch or a nested function of the executor, where a removal cannot be sure to reach it',
    fix: 'add every listener at the top of the executor, or remove them by hand when the timer fires',
  },
  listenerOptions: {
    what: 'listener raced against a timer',
    why: 'the listener is added with options `{name}` that a removal would have to repeat',
    fix: 'pass a `signal` in the options and abort it when the timer fires',
  },
  throwsBeforeListener: {
    what: 'listener raced against a timer',
    why: '`{call}` may end the executor (a throw, a return) after the timer is armed and before the listener is added: the timer would then read the named handler uninitialised',
    fix: 'add the listener before that call, or move the call above the timer',
  },
  directiveAbove: {
    what: 'listener raced against a timer',
    why: 'a `{directive}` comment sits above a statement the fix rewrites (the listener\'s or the timer\'s), and would no longer sit above the code it is about',
    fix: 'fix the type error the comment hides, or name the handler yourself and clean up in both the handler and the timer',
  },
  mayEmitBeforeTimer: {
    what: 'listener raced against a timer',
    why: '`{call}` runs between adding the listener and arming the timer, and may emit: the handler would then clean up before the timer exists, and leave it armed',
    fix: 'arm the timer before adding the listener, or move that code below the timer',
  },
  throwsAfterTimer: {
    what: 'listener raced against a timer',
    why: '`{call}` runs after the timer is armed and may throw, which rejects the promise with the timer still armed until it fires',
    fix: 'if it can throw, call it before arming the timer, or clear the timer in a catch around it',
  },
  errorListenerKept: {
    what: 'listener raced against a timer',
    why: "removing {which} would let a late 'error' event throw and end the process: left attached, it swallows that error today",
    fix: "remove it yourself once the emitter is done with, or keep another 'error' listener on the emitter for its lifetime",
  },
  unknownEmitter: {
    what: 'listener raced against a timer',
    why: 'nothing in this file shows that `{name}` has `removeListener`: `on()` alone does not (jQuery objects, kafkajs consumers and mitt emitters lack it)',
    fix: 'remove the listener the way the emitter allows, or type `{name}` (an EventEmitter, a ChildProcess) so the removal can be checked',
  },
  noRemover: {
    what: 'listener raced against a timer',
    why: 'the type of `{name}` declares neither `removeListener` nor `off`, so there is no way to remove the listener that type-checks',
    fix: 'add a removal method to the type, or remove the listener the way the emitter allows',
  },
  timerReturns: {
    what: 'listener raced against a timer',
    why: "the timer's callback has a `return`, after which a cleanup appended to it would never run",
    fix: 'drop the `return` (setTimeout ignores what its callback returns), or remove the listeners by hand when the timer fires',
  },
  timerShape: {
    what: 'listener raced against a timer',
    why: 'the timer is not one top-level `setTimeout(() => reject(err), ms)` of the executor, with a function callback that only settles the promise',
    fix: 'arm one timer that way (a callback such as `() => reject(err)`, not `reject` with extra arguments to setTimeout)',
  },
  onceHasOptions: {
    what: '`{name}(emitter, event)` raced against a timer',
    why: 'it already receives options `{options}` this transform cannot extend safely',
    fix: 'pass a `signal` from an AbortController that you abort in .finally() on the race',
  },
  alreadySignalled: {
    what: '`{name}(emitter, event)` raced against a timer',
    why: 'it already receives a signal',
    fix: 'nothing to do',
  },
  notEventsOnce: {
    what: '`{name}(emitter, event)` raced against a timer',
    why: '`{name}` here is not `once` of node:events, so it may not take a signal',
    fix: 'make it accept an AbortSignal and abort it when the race settles',
  },
  unsupportedPosition: {
    what: '`{name}(emitter, event)` raced against a timer',
    why: 'the race is not inside a statement or an arrow body, so there is nowhere to declare the controller',
    fix: 'move the race into a function body',
  },
  onceShared: {
    what: '`{name}(emitter, event)` raced against a timer',
    why: 'its promise `{binding}` is also used outside the race, and aborting the listener when the race settles would reject that use too',
    fix: 'give once() a signal of your own and abort it when nothing waits for the event any more',
  },
  settledElsewhere: {
    what: 'listener raced against a timer',
    why: '`{name}` is also kept for code elsewhere (to call, or to remove as a listener), which this cannot follow',
    fix: 'clear the timer in .finally() on the promise, and remove the listeners where the kept `{name}` is used',
  },
  propertyListenerLeft: {
    what: 'listener raced against a timer',
    why: 'the handler set on `{name}` is not taken off when the timer fires: it stays, and a late event still runs it; it is not set to null there because {reason}',
    fix: 'set `{name}` back to null in the timer callback where that is safe, and clear the timer when the promise settles',
  },
  fixedPropertyNulls: {
    what: 'listener raced against a timer',
    why: '{handlers} stayed set when the timer fired, for a late event to run',
    fix: 'the timer now sets each back to null after it settles the promise',
  },
  fixedPropertyNullsAndClear: {
    what: 'listener raced against a timer',
    why: '{handlers} stayed set when the timer fired, for a late event to run, and an event that settled the promise left the timer armed',
    fix: 'the timer now sets each back to null after it settles the promise, and is cleared when the promise settles',
  },
  partiallyCleaned: {
    what: 'listener raced against a timer',
    why: 'the executor cleans up by itself, in ways this cannot follow on every path: it does not see {missing}',
    fix: 'clear the timer and remove every listener on every path (a `cleanup()` called by each handler and by the timer)',
  },
  timerThroughFunction: {
    what: 'listener raced against a timer',
    why: 'its timer settles the promise through `{name}()`, a function of the executor this does not follow, so whether every path releases the timer and listeners is not known',
    fix: 'clear the timer and remove every listener on every path (a `cleanup()` called by each handler and by the timer); or settle from the timer\'s callback itself, which this can check',
  },
  asyncExecutor: {
    what: 'listener raced against a timer',
    why: 'its executor is async: what runs across the awaits (or a throw after one, which rejects nothing) is not followed, so whether every path releases the timer is not known',
    fix: 'move the awaits out of the executor (await first, then create the promise), and clear the timer and remove every listener on every path (a `cleanup()` called by each handler and by the timer)',
  },
} satisfies MessageTable;

export type MessageId = keyof typeof messages;
