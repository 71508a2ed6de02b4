import type { MessageTable } from '../../engine/finding';

export const messages = {
  fixed: {
    what: 'Promise.race timeout',
    why: 'its timer stayed armed after the race settled',
    fix: 'the timer is now cleared as soon as the race settles',
  },
  opaqueHelper: {
    what: 'Promise.race with a timeout helper',
    why: 'the timeout arm `{arm}` is not a timer this transform can see into, so it cannot tell whether (or how) its timer is cleared',
    fix: 'make the helper cancellable (return a handle or accept an AbortSignal) and clear it in .finally() on the race',
  },
  importedHelper: {
    what: 'Promise.race with a timeout helper',
    why: 'the timeout arm `{arm}` comes from `{source}`, another file, which this run cannot see into',
    fix: 'make the helper accept an AbortSignal (or return a handle) and abort it in .finally() on the race',
  },
  packageHelper: {
    what: 'Promise.race with a timeout helper',
    why: 'the timeout arm `{arm}` comes from the package `{source}`, which this transform cannot see into, so it cannot tell whether its timer is cleared',
    fix: 'race against a timer you can clear (node:timers/promises `setTimeout(ms, value, { signal })`) and abort it in .finally() on the race',
  },
  helperShape: {
    what: 'Promise.race with a sleep helper',
    why: 'the timer of `{name}`{where} cannot be taken out of it safely: {reason}',
    fix: 'make `{name}` accept an AbortSignal that clears its timer, and abort it in .finally() on the race',
  },
  helperNotCancellable: {
    what: 'Promise.race with a sleep helper',
    why: 'the timer of `{name}`{where} cannot be cleared from the race ({reason}), and this run cannot change `{name}` itself',
    fix: 'run forgotten-sender over the repository: it gives `{name}` an optional AbortSignal that clears its timer, and passes one from this race',
  },
  fixedOwnedCancel: {
    what: 'Promise.race with a cancellable arm',
    why: '`{cancels}` ran after the race only when it fulfilled: when it rejected, what that cancels stayed',
    fix: 'it now runs when the race settles, on every path',
  },
  cancelledOnFulfilmentOnly: {
    what: 'Promise.race with a cancellable arm',
    why: 'the arm `{arm}` is cancelled by `{cancels}` only when the race fulfils, so what it holds stays when the race rejects; it is not moved here: {reason}',
    fix: 'move `{cancels}` into a finally around the awaited race (or `.finally()` on it), so that it runs on every path',
  },
  helperSignalPassed: {
    what: 'Promise.race with a sleep helper',
    why: 'the race passes `{name}` a signal (`{signal}`) not its own to abort when it settles, so the timer stays armed until that aborts; no signal of its own following it is written: {reason}',
    fix: 'pass `{name}` the signal of a controller of the race\'s own, aborted when `{signal}` aborts and when the race settles (`AbortSignal.any([{signal}, controller.signal])` where Node 20.3 is the least)',
  },
  helperSignalUnusable: {
    what: 'Promise.race with a sleep helper',
    why: 'a signal the race gave `{name}`{where} would change what it does: {reason}',
    fix: 'take the default out of the signal parameter, or keep the abort listener to clearing the timer and settling, so that a signal the race aborts when it settles changes nothing else',
  },
  fixedLinkedSignal: {
    what: 'Promise.race with a sleep helper',
    why: 'the race passed `{name}` the signal `{signal}`, which it cannot abort when it settles, so the timer stayed armed until that signal aborted',
    fix: '`{name}` now gets the signal of a controller of the race\'s own, aborted with `{signal}` and when the race settles',
  },
  fixedHelperCancellable: {
    what: 'sleep helper `{name}` made cancellable',
    why: 'races against it could not clear its timer',
    fix: 'it takes an optional AbortSignal as its last parameter, whose abort clears the timer; callers that pass none are unchanged',
  },
  asyncTimer: {
    what: 'Promise.race timeout',
    why: 'the timeout arm `{arm}` is an async function that waits, and whether its wait is cancelled when the race settles is not known from here',
    fix: 'race against a timer you can clear, and clear it in .finally() on the race',
  },
  conditionalArm: {
    what: 'Promise.race timeout',
    why: 'the timeout arm `{arm}` is a timer on one branch only',
    fix: 'arm the timer unconditionally, or clear it in .finally() on the race by hand',
  },
  abortSignalTimeout: {
    what: 'Promise.race against AbortSignal.timeout()',
    why: 'an AbortSignal.timeout() timer cannot be cleared; it is unref()ed and holds only its signal',
    fix: 'pass the signal to the work itself instead of racing it',
  },
  promiseClassTyped: {
    what: 'timeout race on `{object}.race`',
    why: 'the cleanup would go in both handlers of `.then()` of `{object}`, whose parameters take their types from that class, which may be `any` (an implicit any under strict)',
    fix: 'race with the global Promise, or clear the timer in both handlers of `.then()` with typed parameters',
  },
  nonGlobalPromise: {
    what: 'timeout race on `{object}.race`',
    why: '`{object}` may not be the built-in Promise and may lack .finally()',
    fix: 'race with the global Promise, or clear the timer in both settle handlers',
  },
  foreignTimer: {
    what: 'Promise.race timeout',
    why: 'the timer is armed by `{name}`, which is not the platform\'s setTimeout, so how it is cleared is not known here',
    fix: 'clear it by hand, with the clear that goes with `{name}`, when the race settles',
  },
  shadowed: {
    what: 'Promise.race timeout',
    why: '`{name}` here is not the global (it is declared or imported in this file)',
    fix: 'clear the timer by hand when the race settles, or rename the local `{name}`',
  },
  alreadyCleared: {
    what: 'Promise.race timeout',
    why: 'its timer `{name}` is already cleared on every path',
    fix: 'nothing to do',
  },
  clearedElsewhere: {
    what: 'Promise.race timeout',
    why: 'the timer handle `{name}` is cleared before the race can settle, so the timeout never fires',
    fix: 'clear it in .finally() on the race and drop the other clearTimeout',
  },
  clearedUnseen: {
    what: 'Promise.race timeout',
    why: 'the timer handle `{name}` is cleared where this cannot follow it from the race on every path (in a branch, after an await, or in another function or callback)',
    fix: 'clear it in .finally() on the race, where every path passes',
  },
  handleOnMember: {
    what: 'Promise.race timeout',
    why: 'the timer handle goes to `{name}`, where other code may read, clear or replace it',
    fix: 'keep the handle in a local variable and clear it in .finally() on the race',
  },
  handleEscapes: {
    what: 'Promise.race timeout',
    why: 'the timer handle `{name}` is used outside the race (returned, passed on or stored)',
    fix: 'clear the timer in .finally() on the race and keep other uses of the handle apart',
  },
  handleShared: {
    what: 'Promise.race timeout',
    why: "the handle `{name}` is declared outside this function or set by another timer, so clearing it could cancel another call's timer",
    fix: 'declare one handle per race inside the function and clear it in .finally() on the race',
  },
  timerSideEffects: {
    what: 'Promise.race timeout',
    why: 'the timer callback does more than settle the timeout promise, and clearing the timer would skip that work',
    fix: 'move the extra work after the race, then clear the timer in .finally() on the race',
  },
  handlerSideEffects: {
    what: 'Promise.race timeout',
    why: 'the handler chained on the timer arm does more than turn the timer into the race\'s outcome, and clearing the timer would skip it',
    fix: 'keep the handler to `() => { throw err; }` and run the extra work after the race',
  },
  unsupportedPosition: {
    what: 'Promise.race timeout',
    why: 'the race is {where}, so there is nowhere to declare the handle',
    fix: 'move the race into a function body',
  },
  armedBeforeLeaving: {
    what: 'Promise.race timeout',
    why: 'its timer is armed by `{name}` before `{code}`, which may leave first (an await, a return, a throw): on that path it stays armed, as before',
    fix: 'arm the timer in the race itself, or right before it',
  },
  declarationOutOfReach: {
    what: 'Promise.race timeout',
    why: 'the arm `{name}` is declared in another block than the race, so a handle declared for both would not be in scope',
    fix: 'declare the arm next to the race, or inline it',
  },
  armShared: {
    what: 'Promise.race timeout',
    why: 'the timer arm `{name}` is used by more than this race, so clearing its timer when this race settles could cut short another use',
    fix: 'create one timer per race, or clear it where its last user settles',
  },
  manyTimerArms: {
    what: 'Promise.race timeout',
    why: 'the race has more than one timer arm',
    fix: 'race against one timer and clear it in .finally() on the race',
  },
  unknownTimerShape: {
    what: 'Promise.race timeout',
    why: 'the timer arm `new Promise(...)` does more than arm one setTimeout that settles it',
    fix: 'keep the executor to one `setTimeout(() => reject(err), ms)` and clear the handle in .finally() on the race',
  },
  handleWrapped: {
    what: 'Promise.race timeout',
    why: 'the timer\'s handle is handed to `{name}(…)`, which does more than unref it and give it back (or gives it back typed otherwise), so what holds the handle is not known here',
    fix: 'keep the handle yourself (`handle = setTimeout(…); {name}(handle)`) and clear it in .finally() on the race',
  },
  sleepHasOptions: {
    what: 'Promise.race timeout',
    why: 'the timers/promises arm already receives options `{name}` this transform cannot extend safely',
    fix: 'pass `signal` from an AbortController that you abort in .finally() on the race',
  },
  fetchNotWired: {
    what: 'fetch raced against a timeout',
    why: 'the timer is now cleared, but the fetch is not aborted when the timeout wins: {reason}',
    fix: 'pass a `signal` to fetch and abort it from the timer callback after it settles the race',
  },
  fetchNotAborted: {
    what: 'fetch raced against a timeout',
    why: 'the timer is cleared, but the fetch is not aborted when the timeout wins: {reason}',
    fix: 'pass a `signal` to fetch and abort it from the timer callback after it settles the race',
  },
} satisfies MessageTable;

export type MessageId = keyof typeof messages;
