import type { MessageTable } from '../../engine/finding';

export const messages = {
  fixed: {
    what: 'callback `{callback}` raced against a timer',
    why: 'the timer and the late producer could both call it, and the timer stayed armed',
    fix: 'every call now goes through a settled flag, and the first call clears the timer',
  },
  foreignTimer: {
    what: 'callback `{callback}` raced against a timer',
    why: 'the timer is armed by `{name}`, which is not the platform\'s setTimeout, so how it is cleared is not known here',
    fix: 'guard `{callback}` with a settled flag by hand',
  },
  shadowed: {
    what: 'callback `{callback}` raced against a timer',
    why: '`{name}` here is not the global (it is declared or imported in this file)',
    fix: 'guard `{callback}` with a settled flag by hand, or rename the local `{name}`',
  },
  alreadyGuarded: {
    what: 'callback `{callback}` raced against a timer',
    why: 'the calls are already guarded by the flag `{name}`, and the timer is cleared when the producer calls first',
    fix: 'nothing to do',
  },
  guardedTimerArmed: {
    what: 'callback `{callback}` raced against a timer',
    why: 'the calls are guarded by the flag `{name}`, but the timer is not cleared when the producer calls first: it stays armed until it fires',
    fix: 'clear the timer where `{name}` is set on the producer\'s path',
  },
  timerSideEffects: {
    what: 'callback `{callback}` raced against a timer',
    why: 'the timer does more than call `{callback}`, and clearing it when the producer finishes would skip that work',
    fix: 'move the extra work out of the timer, then guard `{callback}` with a settled flag',
  },
  reassigned: {
    what: 'callback `{callback}` raced against a timer',
    why: '`{callback}` is reassigned in this function, so the calls may not all reach one function',
    fix: 'guard the final callback with a settled flag by hand',
  },
  calledBeforeTimer: {
    what: 'callback `{callback}` raced against a timer',
    why: '`{callback}` is also used before the timer is armed, where a guard declared with the timer cannot reach',
    fix: 'declare a settled flag at the top of the function and check it before every call',
  },
  usedOtherwise: {
    what: 'callback `{callback}` raced against a timer',
    why: '`{callback}` is used in a way other than a call or an argument (`{use}`)',
    fix: 'guard every call of `{callback}` with a settled flag by hand',
  },
  timerPosition: {
    what: 'callback `{callback}` raced against a timer',
    why: 'the timer is not armed by a statement of the function body itself (it sits in a branch, a loop or an expression)',
    fix: 'arm the timer once at the top level of the function, then guard `{callback}` with a settled flag',
  },
  handleEscapes: {
    what: 'callback `{callback}` raced against a timer',
    why: "the timer handle is kept for other code (`{name}`), which may clear it (and guard `{callback}`) where this function cannot see",
    fix: 'guard `{callback}` with a settled flag by hand',
  },
  calledRepeatedly: {
    what: 'callback `{callback}` raced against a timer',
    why: '`{callback}` may be called more than once on purpose (it sits in a loop or in a `{method}` handler), and a settled flag would drop those calls',
    fix: 'give the completion its own callback, and guard that one with a settled flag',
  },
  manyTimers: {
    what: 'callback `{callback}` raced against a timer',
    why: 'more than one timer calls `{callback}`',
    fix: 'arm one timer, then guard `{callback}` with a settled flag',
  },
  callbackReturns: {
    what: 'callback `{callback}` raced against a timer',
    why: '`{callback}` is typed to return a value, which a dropped call cannot give',
    fix: 'type `{callback}` as returning void, or guard it by hand',
  },
  calledFromHoisted: {
    what: 'callback `{callback}` raced against a timer',
    why: '`{callback}` is called in the function declaration `{declaration}`, which is hoisted and may run before the timer is armed, where a guard declared with the timer is not yet initialised',
    fix: 'declare a settled flag at the top of the function and check it before every call',
  },
  callbackOverloaded: {
    what: 'callback `{callback}` raced against a timer',
    why: '`{callback}` is typed with several call signatures, which one `(...args) => …` guard does not satisfy',
    fix: 'type `{callback}` with one signature, or guard it by hand',
  },
  callbackTypeUnknown: {
    what: 'callback `{callback}` raced against a timer',
    why: "`{callback}`'s type is not declared in this file, so whether it returns a value or has overloads, which a typed guard would break, is not known",
    fix: 'annotate `{callback}` with a function type that returns void, or guard it by hand',
  },
  sharedLine: {
    what: 'callback `{callback}` raced against a timer',
    why: 'the timer is armed on a line shared with other code (`{code}`), above which the guard\'s lines would go',
    fix: 'put the timer on a line of its own, then run this again',
  },
  untypedCallback: {
    what: 'callback `{callback}` raced against a timer',
    why: '`{callback}` has no function type annotation, so a typed `{callback}Once` cannot be declared',
    fix: 'annotate `{callback}` with its function type',
  },
} satisfies MessageTable;

export type MessageId = keyof typeof messages;
