import type { MessageTable } from '../../engine/finding';

export const messages = {
  fixed: {
    what: 'new Promise timeout',
    why: 'its timer stayed armed after the promise settled',
    fix: 'the timer is now cleared as soon as the promise settles',
  },
  fixedInterval: {
    what: 'new Promise timeout',
    why: 'the interval `{name}` polls until the work ends: when the timer won it went on polling',
    fix: 'the timer now clears the interval when it fires',
  },
  fixedKeptEntry: {
    what: 'new Promise timeout',
    why: 'the callback kept in `{store}` for the answer stayed there when the timer won',
    fix: 'the timer now deletes the entry when it fires, if it is still this call\'s',
  },
  fixedSyncThrow: {
    what: 'new Promise timeout',
    why: 'its timer `{name}` is cleared on every settle point, but stays armed when `{call}` throws synchronously and the promise rejects past them',
    fix: 'the timer is now cleared as soon as the promise settles, however it settles',
  },
  fixedSyncThrowCaught: {
    what: 'new Promise timeout',
    why: 'its timer `{name}` is cleared on every settle point, but stayed armed when `{call}` threw synchronously and the promise rejected past them',
    fix: 'a throw after the timer is armed now clears it and is thrown on, as before',
  },
  syncThrowOnly: {
    what: 'new Promise timeout',
    why: 'its timer `{name}` is cleared on every settle point, but stays armed if `{call}` throws synchronously: the promise then rejects past them',
    fix: 'if it can throw, clear the timer in .finally() on the promise (--clear-on-sync-throw=true does that)',
  },
  foreignTimer: {
    what: 'new Promise timeout',
    why: 'the timer is armed by `{name}`, which is not the platform\'s setTimeout, so how it is cleared is not known here',
    fix: 'clear it by hand, with the clear that goes with `{name}`, when the promise settles',
  },
  shadowed: {
    what: 'new Promise timeout',
    why: '`{name}` here is not the global (it is declared or imported in this file)',
    fix: 'clear the timer by hand when the promise settles, or rename the local `{name}`',
  },
  timerSideEffects: {
    what: 'new Promise timeout',
    why: 'the timer callback does more than settle the promise, and clearing the timer would skip that work',
    fix: 'keep the callback to one `reject(err)` or `resolve(fallback)` call and run the extra work after the promise settles',
  },
  unknownTimerShape: {
    what: 'new Promise timeout',
    why: 'the timer is not armed by a statement of its own in the executor body (it sits in a condition, a loop or a nested function)',
    fix: 'arm one `setTimeout(() => reject(err), ms)` directly in the executor and clear it in .finally() on the promise',
  },
  manyTimers: {
    what: 'new Promise timeout',
    why: 'the executor arms more than one timer',
    fix: 'arm one timer per promise and clear it in .finally() on the promise',
  },
  alreadyCleared: {
    what: 'new Promise timeout',
    why: 'its timer `{name}` is already cleared on every settle path',
    fix: 'nothing to do',
  },
  handleOnMember: {
    what: 'new Promise timeout',
    why: 'the timer handle goes to `{name}`, where other code may read, clear or replace it',
    fix: 'keep the handle in a local variable and clear it in .finally() on the promise',
  },
  handleEscapes: {
    what: 'new Promise timeout',
    why: 'the timer handle `{name}` is used for more than clearing it (returned, passed on or stored)',
    fix: 'clear the timer in .finally() on the promise and keep other uses of the handle apart',
  },
  handleShared: {
    what: 'new Promise timeout',
    why: 'the handle `{name}` is declared outside this function, or set elsewhere, so clearing it could cancel another call\'s timer',
    fix: 'declare one handle per promise inside the function and clear it in .finally() on the promise',
  },
  handleReadEarly: {
    what: 'new Promise timeout',
    why: 'the executor\'s handle `{name}` is read above its declaration, by code that `{call}` may run first: today that throws, and moving the handle out would let it run',
    fix: 'arm the timer before the code that may read it, then clear it in .finally() on the promise',
  },
  handleCast: {
    what: 'new Promise timeout',
    why: 'the handle `{name}` is cast (`{type}`), and a declaration moved out of the executor would take setTimeout\'s own type instead',
    fix: 'declare the handle with the type you cast it to before the promise, and clear it in .finally() on the promise',
  },
  handleNameTaken: {
    what: 'new Promise timeout',
    why: 'the executor\'s handle `{name}` is cleared inside the executor, and the name is taken outside it, so it cannot be moved out to clear it in .finally()',
    fix: 'rename the handle, declare it before the promise and clear it in .finally() on the promise',
  },
  untypedPromise: {
    what: 'new Promise timeout',
    why: 'in TypeScript this `new Promise` may take its value type from where it is used, which `.finally()` would hide, and this cannot tell which type that is',
    fix: 'write the type argument, `new Promise<T>(...)`, then run the transform again',
  },
  unsupportedPosition: {
    what: 'new Promise timeout',
    why: 'the promise is not inside a statement or an arrow body (a class field or a parameter default), so there is nowhere to declare the handle',
    fix: 'move the promise into a function body',
  },
  fetchNotWired: {
    what: 'fetch under a new Promise timeout',
    why: 'the timer is now cleared, but the fetch is not aborted when the timeout wins: {reason}',
    fix: 'pass a `signal` to fetch and abort it from the timer callback after it settles the promise',
  },
  subscriptionDropped: {
    what: 'new Promise timeout',
    why: 'the subscription `{name}(…)` returns what would end it, and nothing keeps it: its listener stays whichever side wins',
    fix: 'keep what it returns and dispose of it when the promise settles (in .finally() on it)',
  },
  keptCallback: {
    what: 'new Promise timeout',
    why: 'a callback that settles the promise is kept in `{store}`, and the timer does not remove it: the entry stays, and a late answer still runs it',
    fix: 'delete the entry when the timer fires, beside the rejection',
  },
  keptEntryNotDeletable: {
    what: 'new Promise timeout',
    why: 'a callback that settles the promise is kept in `{store}`, and the timer does not remove it, nor can this: {reason}',
    fix: 'delete the entry when the timer fires, beside the rejection',
  },
  intervalLeft: {
    what: 'new Promise timeout',
    why: 'the interval `{name}` is not cleared when the timer fires: it runs on after the timer wins',
    fix: 'clear the interval in the timer callback too',
  },
  intervalNotClearable: {
    what: 'new Promise timeout',
    why: 'the interval `{name}` is not cleared when the timer fires, and this does not clear it there: {reason}',
    fix: 'clear the interval when the timer fires (and when the work ends, if it should stop then)',
  },
  settledElsewhere: {
    what: 'new Promise timeout',
    why: '`{name}` is kept for code elsewhere to call, which may clear the timer when it settles the promise',
    fix: 'clear the timer where the kept `{name}` is called, and when the timer fires remove what was kept',
  },
  workRejectionUnhandled: {
    what: 'new Promise timeout',
    why: 'when `{work}` rejects, nothing settles the promise: it waits for the timer, and the rejection goes unhandled',
    fix: 'hand the rejection to `reject` (`.then(resolve, reject)`), or run with --settle-on-work-rejection=true, which does that',
  },
  timerThroughFunction: {
    what: 'new Promise timeout',
    why: 'its timer settles the promise through `{name}()`, a function of the executor that this does not follow, so whether every path releases the timer is not known here',
    fix: 'clear the timer and release what the executor holds wherever the promise settles; or settle from the timer\'s callback itself, which this can check',
  },
  asyncExecutor: {
    what: 'new Promise timeout',
    why: 'its executor is async: what runs across the awaits (or a throw after one, which rejects nothing) is not followed, so whether every path releases the timer is not known',
    fix: 'move the awaits out of the executor (await first, then create the promise), and clear the timer and release what the executor holds wherever the promise settles',
  },
} satisfies MessageTable;

export type MessageId = keyof typeof messages;
