import type { MessageTable } from '../../engine/finding';

export const messages = {
  fixed: {
    what: 'watchdog timer `{name}`',
    why: 'it was cleared only when `{work}` fulfilled: a rejection left it armed until it fired',
    fix: 'the clear now runs in a finally, on every exit from the awaited work',
  },
  alreadyCleared: {
    what: 'watchdog timer `{name}`',
    why: 'a finally around the awaited work clears it on every exit',
    fix: 'nothing to do',
  },
  rejectionUnknown: {
    what: 'watchdog timer `{name}`',
    why: 'it is cleared only when `{work}` fulfils, and that promise is made elsewhere (a parameter, an import): if it can reject, the timer stays armed until it fires',
    fix: 'if it can reject, move `clearTimeout({name})` into a finally around the await',
  },
  timerStopsWork: {
    what: 'watchdog timer `{name}`',
    why: 'it is cleared only when `{work}` fulfils; if that work can fail, the timer then still runs `{effect}`, which may be what stops or cleans up the work, so it is left to you',
    fix: 'if the work is over once it rejects, move `clearTimeout({name})` into a finally around it; otherwise clear the timer where the work has surely ended',
  },
  declaredForCodeBelow: {
    what: 'watchdog timer `{name}`',
    why: 'it is cleared only when `{work}` fulfils; `{declared}` is declared between the timer and its clear and read after them, so a try block around them would hide it',
    fix: 'declare `{declared}` before the try (`let {declared}; try { {declared} = await …; } finally { clearTimeout({name}); }`), or clear the timer in a finally by hand',
  },
  declaredForCodeAbove: {
    what: 'watchdog timer `{name}`',
    why: 'it is cleared only when `{work}` fulfils; `{declared}` is declared between the timer and its clear and read by code above them, which could not see into a try block',
    fix: 'move that code below the declaration, then move `clearTimeout({name})` into a finally around the awaited work',
  },
  functionInRegion: {
    what: 'watchdog timer `{name}`',
    why: 'it is cleared only when `{work}` fulfils; `{declaration}` sits between the timer and its clear, and in a try block it would be scoped (or disposed) there',
    fix: 'move the declaration out, then move `clearTimeout({name})` into a finally around the awaited work',
  },
  leavesEarly: {
    what: 'watchdog timer `{name}`',
    why: 'it is cleared only when `{work}` fulfils; `{exit}` leaves before the clear too, where nothing failed, and the timer may be meant to fire then',
    fix: 'decide what that path should do with the timer, then move `clearTimeout({name})` into a finally by hand',
  },
  layout: {
    what: 'watchdog timer `{name}`',
    why: 'it is cleared only when `{work}` fulfils; {detail}',
    fix: 'move `clearTimeout({name})` into a finally around the awaited work by hand',
  },
  sharedLine: {
    what: 'watchdog timer `{name}`',
    why: 'it is cleared only when `{work}` fulfils; the timer, the statements between and the clear do not each stand on lines of their own, so a try block cannot be drawn around them',
    fix: 'put each statement on a line of its own, or move `clearTimeout({name})` into a finally by hand',
  },
} satisfies MessageTable;

export type MessageId = keyof typeof messages;
