import type { MessageTable } from '../../engine/finding';

export const messages = {
  fixed: {
    what: 'AbortController timeout',
    why: 'its abort timer stayed armed after the work that uses the signal ended',
    fix: 'the timer is now cleared on every exit from that work',
  },
  foreignTimer: {
    what: 'AbortController timeout',
    why: 'the timer is armed by `{name}`, which is not the platform\'s setTimeout, so how it is cleared is not known here',
    fix: 'clear it by hand, with the clear that goes with `{name}`, on every exit',
  },
  shadowed: {
    what: 'AbortController timeout',
    why: '`{name}` here is not the global (it is declared or imported in this file)',
    fix: 'clear the timer by hand on every exit, or rename the local `{name}`',
  },
  controllerNotLocal: {
    what: 'AbortController timeout',
    why: 'the timer aborts `{name}`, which is not an `AbortController` declared with const just before it in the same block',
    fix: 'create the controller with `const ... = new AbortController()` in the block that arms the timer, then clear the timer in a finally around its uses',
  },
  timerInExpression: {
    what: 'AbortController timeout',
    why: 'the timer is armed inside a larger expression (`{code}`), not by a statement of its own, and this does not follow its handle from there',
    fix: 'arm it with a statement of its own (`const timer = setTimeout(…)`), clear it in a finally around the uses of the signal',
  },
  alreadyCleared: {
    what: 'AbortController timeout',
    why: 'its timer `{name}` is already cleared in a finally around the uses of the signal',
    fix: 'nothing to do',
  },
  clearedOnSomePaths: {
    what: 'AbortController timeout',
    why: 'its timer `{name}` is cleared in a finally around the uses of the signal, but code before the try may leave first, or the clear sits in a branch of the finally',
    fix: 'arm the timer right before the try, and make `clearTimeout({name})` a statement of the finally itself',
  },
  clearedLateInFinally: {
    what: 'AbortController timeout',
    why: 'its timer `{name}` is cleared in a finally around the uses of the signal, but `{code}` before the clear in that finally may leave first',
    fix: 'make `clearTimeout({name})` the first statement of the finally',
  },
  clearedUnlessThrows: {
    what: 'AbortController timeout',
    why: 'its timer `{name}` is cleared once the uses of the signal end, but stays armed if `{call}`, called between the timer and the code that clears it, throws',
    fix: 'if it can throw, arm the timer after it, right before the try or the fetch chain that clears the timer',
  },
  chainClearedOnSomePaths: {
    what: 'AbortController timeout',
    why: 'its timer `{name}` is cleared in .finally() on the fetch chain, but not on every path: code before the chain may leave first, or the chain or the clear sits in a branch',
    fix: 'arm the timer right before the chain, and make `clearTimeout({name})` a statement of the .finally() callback itself',
  },
  handleEscapes: {
    what: 'AbortController timeout',
    why: 'the timer handle (`{name}`) is used for more than clearing it (returned, passed on, stored or reassigned)',
    fix: 'keep one const handle and clear it in a finally around the uses of the signal',
  },
  signalUsedBefore: {
    what: 'AbortController timeout',
    why: '`{name}` is used before the timer is armed, so a finally after the timer would not cover every use',
    fix: 'arm the timer right after creating the controller, then clear it in a finally around every use of the signal',
  },
  signalEscapes: {
    what: 'AbortController timeout',
    why: '`{name}` is used for more than `fetch(url, { signal: {name}.signal })`, and whatever else holds the signal may rely on the late abort (a listener removed by it, a stream it ends)',
    fix: 'clear the timer yourself once nothing holds the signal any more',
  },
  fetchNotAwaited: {
    what: 'AbortController timeout',
    why: 'the fetch is not awaited by this block itself (it is returned, kept as a promise, or started in a nested function), so the request may outlive a finally around the block',
    fix: 'await the fetch (and its body) inside the block, or clear the timer in .finally() on the promise you return',
  },
  responseEscapes: {
    what: 'AbortController timeout',
    why: 'the response `{name}` leaves this block before its body is read, and the timer still bounds that later read',
    fix: 'read the body here (`return await {name}.json()`), or clear the timer where the body has been read',
  },
  unsupportedScope: {
    what: 'AbortController timeout',
    why: 'the timer is armed {where}, where a try/finally cannot wrap the uses of the signal',
    fix: 'move the code into a function body, then clear the timer in a finally around the uses of the signal',
  },
  declaredForCodeAbove: {
    what: 'AbortController timeout',
    why: '`{name}` is declared after the timer and read by code above it, which could not see into a try block',
    fix: 'move that code below the declaration, then clear the timer in a finally around the uses of the signal',
  },
  sharedLine: {
    what: 'AbortController timeout',
    why: 'the statements after the timer share a line with other code (`{code}`), and a try/finally around them would have to split that line',
    fix: 'put the timer and each statement after it on a line of its own, then run this again',
  },
  blockCommentInRegion: {
    what: 'AbortController timeout',
    why: 'a block comment over several lines (`{code}`) sits among the statements a try/finally would indent, which would change the comment itself',
    fix: 'make it line comments, or clear the timer in a finally by hand',
  },
  noUse: {
    what: 'AbortController timeout',
    why: 'no statement after the timer uses `{name}`, so there is no scope to clear it from',
    fix: 'clear the timer where the signal\'s work ends',
  },
  signalTimeoutRefused: {
    what: 'AbortController timeout',
    why: '--prefer-signal-timeout: AbortSignal.timeout() rejects with a TimeoutError, and this file inspects error names ({evidence}); the timer is cleared in a finally instead',
    fix: 'check for both names (`AbortError` and `TimeoutError`) before switching to AbortSignal.timeout()',
  },
  signalTimeoutErrorUsed: {
    what: 'AbortController timeout',
    why: '--prefer-signal-timeout: AbortSignal.timeout() rejects with a TimeoutError, and a caught error is used beyond passing it on ({evidence}); the timer is cleared in a finally instead',
    fix: 'pass the error on unchanged, or make that code read the same for both errors, before switching to AbortSignal.timeout()',
  },
} satisfies MessageTable;

export type MessageId = keyof typeof messages;
