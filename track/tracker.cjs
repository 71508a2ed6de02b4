'use strict';
// forgotten-sender/track: counts, per creation site, the timers, listeners and AbortControllers a
// program arms, and which of them outlive the race that armed them. Loaded before the program
// (`node --import forgotten-sender/track`, or through NODE_OPTIONS so that a test runner's child
// processes load it too); see "Prove it on your tests" in README.md.
//
// What it must never do is change the program: it arms no timer or immediate, changes no
// ref/unref, adds no reaction to a promise the program made (timers/promises' excepted, see
// trackedSleep) and so no microtask hop, and leaves every error and rejection as it was. What it
// costs is one stack capture per resource (its site); a promise costs a check of a counter.
const path = require('node:path');
const fs = require('node:fs');
const { fileURLToPath, pathToFileURL } = require('node:url');
const timers = require('node:timers');
const timersPromises = require('node:timers/promises');
const { EventEmitter } = require('node:events');
const util = require('node:util');
const vm = require('node:vm');
const nodeModule = require('node:module');
const { isMainThread, threadId } = require('node:worker_threads');

const STATE = Symbol.for('forgotten-sender.track');
if (globalThis[STATE] !== undefined) return;

const TRACKER_FILES = new Set([__filename, path.join(__dirname, 'index.mjs')].flatMap((file) => [file, pathToFileURL(file).href]));

const original = {
  setTimeout: timers.setTimeout,
  setInterval: timers.setInterval,
  sleep: timersPromises.setTimeout,
  eventsOnce: EventEmitter.once,
  on: EventEmitter.prototype.on,
  once: EventEmitter.prototype.once,
  prependListener: EventEmitter.prototype.prependListener,
  prependOnceListener: EventEmitter.prototype.prependOnceListener,
  listeners: EventEmitter.prototype.listeners,
  addEventListener: EventTarget.prototype.addEventListener,
  removeEventListener: EventTarget.prototype.removeEventListener,
  AbortController: globalThis.AbortController,
  abort: AbortController.prototype.abort,
  createContext: vm.createContext,
  runInContext: vm.runInContext,
  fetch: globalThis.fetch,
};

// ---------------------------------------------------------------------------------------------
// Sites: where a resource was created, as the first frame that is neither Node's, a package's
// (node_modules) nor this file's, mapped through the source map the runner uses, if any.

/** @type {Map<string, Map<number, Site[]>>} generated file → line*2^20+column → one Site per kind */
const sitesByPosition = new Map();
/** @type {Site[]} */
const allSites = [];

class Site {
  constructor(file, line, column, kind) {
    this.file = file;
    this.line = line;
    this.column = column;
    this.kind = kind;
    this.armed = 0;
    this.liveAfterSettle = 0;
    this.leaked = 0;
    /** AbortControllers only: how many were aborted */
    this.aborted = 0;
  }
}

// Set by pickUserFrame, read by siteOf: the prepareStackTrace hook returns nothing, to allocate nothing.
let pickedFile;
let pickedLine = 0;
let pickedColumn = 0;
let pickedCallSite;
let envPrepareStackTrace;

function isUserFile(file) {
  return file !== undefined && file !== null && file !== '' && !file.startsWith('node:') && !file.includes('/node_modules/') && !file.includes('\\node_modules\\') && !TRACKER_FILES.has(file);
}

// A resource that a library bundled into Node (undici's fetch, under node:internal/deps/) makes for
// itself is not the program's: it is left out, not charged to the line that called fetch().
function pickUserFrame(_error, callSites) {
  pickedFile = undefined;
  for (let index = 0; index < callSites.length; index++) {
    const callSite = callSites[index];
    const file = callSite.getFileName();
    if (!isUserFile(file)) {
      if (file !== undefined && file !== null && file.startsWith('node:internal/deps/')) return '';
      continue;
    }
    pickedFile = file;
    pickedLine = callSite.getLineNumber() || 0;
    pickedColumn = callSite.getColumnNumber() || 0;
    pickedCallSite = callSite;
    return '';
  }
  return '';
}

const stackHolder = {};
let capturing = false;

// The site of the resource being created by `callee`'s caller. One frame is enough when user code
// calls the API itself; a library or Node's internals in between cost a second, deeper capture.
function capturedSite(kind, callee) {
  if (capturing) return undefined;
  capturing = true;
  const savedPrepare = Error.prepareStackTrace;
  const savedLimit = Error.stackTraceLimit;
  try {
    envPrepareStackTrace = savedPrepare;
    Error.prepareStackTrace = pickUserFrame;
    Error.stackTraceLimit = 1;
    Error.captureStackTrace(stackHolder, callee);
    void stackHolder.stack;
    pickedDirectly = pickedFile !== undefined;
    if (!pickedDirectly) {
      Error.stackTraceLimit = 40;
      Error.captureStackTrace(stackHolder, callee);
      void stackHolder.stack;
      if (pickedFile === undefined) return undefined;
    }
    let byPosition = sitesByPosition.get(pickedFile);
    if (byPosition === undefined) {
      byPosition = new Map();
      sitesByPosition.set(pickedFile, byPosition);
    }
    const position = pickedLine * 1048576 + pickedColumn;
    let kinds = byPosition.get(position);
    if (kinds === undefined) {
      kinds = [];
      byPosition.set(position, kinds);
    }
    for (let index = 0; index < kinds.length; index++) if (kinds[index].kind === kind) return kinds[index];
    const mapped = kinds.length > 0 ? kinds[0] : mapPosition(pickedFile, pickedLine, pickedColumn, pickedCallSite, savedPrepare);
    const site = new Site(mapped.file, mapped.line, mapped.column, kind);
    kinds.push(site);
    allSites.push(site);
    return site;
  } finally {
    Error.prepareStackTrace = savedPrepare;
    Error.stackTraceLimit = savedLimit;
    pickedCallSite = undefined;
    capturing = false;
  }
}

// A stack capture costs about ten timers. A callback written inline where the program arms it has
// one site, so its source text (Function.prototype.toString, a slice of the script) stands for the
// site once several captures agree, and every 16th use is still captured to check it. A text that
// shows up at two sites (the same arrow copied into two places, a named callback armed in two) is
// captured on every use from then on: until a check sees the second site, up to 15 of its uses are
// charged to the first. Short texts (`() => {}`, `() => controller.abort()`), which two sites share
// easily, are never trusted; nor is a callback reached through a package or Node's internals. A
// native callback (`setTimeout(reject, ms)`) says nothing: its executor's text is used instead.
const TRUST_AFTER = 4;
const CHECK_EVERY = 16;
/** texts remembered per kind: a program that makes its callbacks with new Function() does not grow this */
const MAX_TEXTS = 10_000;
const MIN_TEXT_LENGTH = 40;

class TextSite {
  constructor(site) {
    this.site = site;
    this.uses = 1;
    this.ambiguous = false;
  }
}

/** kind → callback text → what it stands for */
const sitesByText = new Map();
let pickedDirectly = false;

function siteOf(kind, callee, callback) {
  if (typeof callback !== 'function') return capturedSite(kind, callee);
  let text = Function.prototype.toString.call(callback);
  if (text.endsWith('{ [native code] }')) {
    // `new Promise((_, reject) => setTimeout(reject, ms))`: the executor's text, and which of the
    // resources it armed this is, stand for the site instead
    const executor = frameDepth > 0 ? frameExecutors[frameDepth] : undefined;
    if (typeof executor !== 'function') return capturedSite(kind, callee);
    const armed = frameResources[frameDepth];
    text = `${armed === null ? 0 : armed.length}\0${Function.prototype.toString.call(executor)}`;
  }
  if (text.length < MIN_TEXT_LENGTH) return capturedSite(kind, callee);
  let byText = sitesByText.get(kind);
  if (byText === undefined) {
    byText = new Map();
    sitesByText.set(kind, byText);
  }
  const known = byText.get(text);
  if (known !== undefined && !known.ambiguous) {
    known.uses++;
    if (known.uses > TRUST_AFTER && known.uses % CHECK_EVERY !== 0) return known.site;
  }
  const site = capturedSite(kind, callee);
  if (known === undefined) {
    if (byText.size >= MAX_TEXTS) return site;
    const entry = new TextSite(site);
    entry.ambiguous = site === undefined || !pickedDirectly;
    byText.set(text, entry);
  } else if (known.site !== site || !pickedDirectly) {
    known.ambiguous = true;
  }
  return site;
}

const FRAME_POSITION = /^\s*at (?:.*? \()?(.+?):(\d+):(\d+)\)?\s*$/;

function toPath(file) {
  if (file.startsWith('file://')) {
    try {
      return fileURLToPath(file);
    } catch {
      return file;
    }
  }
  return file;
}

// Once per generated position. A runner that compiles the code (vitest, jest, ts-node) installs an
// Error.prepareStackTrace that maps frames through its source maps: ask it about this one frame.
// Without one, Node's own source maps (`--enable-source-maps`) are read through module.findSourceMap.
function mapPosition(file, line, column, callSite, runnerPrepare) {
  const fallback = { file: toPath(file), line, column };
  if (typeof runnerPrepare === 'function' && runnerPrepare !== pickUserFrame) {
    try {
      const text = String(runnerPrepare(new Error('forgotten-sender'), [callSite]));
      const lines = text.split('\n');
      for (let index = lines.length - 1; index >= 0; index--) {
        const match = FRAME_POSITION.exec(lines[index]);
        if (match !== null) return { file: toPath(match[1]), line: Number(match[2]), column: Number(match[3]) };
      }
    } catch {
      // a runner's formatter that cannot format a lone frame: keep the generated position
    }
  }
  if (typeof nodeModule.findSourceMap === 'function') {
    try {
      const sourceMap = nodeModule.findSourceMap(file);
      const entry = sourceMap && sourceMap.findEntry(line - 1, column - 1);
      if (entry && entry.originalSource) {
        return { file: toPath(entry.originalSource), line: entry.originalLine + 1, column: entry.originalColumn + 1 };
      }
    } catch {
      // no map, or one that does not cover this position
    }
  }
  return fallback;
}

// ---------------------------------------------------------------------------------------------
// Resources and whether they are still live. Liveness is read when it is needed (a sweep, exit),
// never tracked on every clear: clearTimeout is not wrapped at all.

class Resource {
  constructor(site, kind) {
    this.site = site;
    this.kind = kind;
    this.handle = undefined;
    /** listeners: the emitter or event target, the type, the listener, and for EventTarget its options */
    this.target = undefined;
    this.type = undefined;
    this.listener = undefined;
    this.capture = false;
    this.once = false;
    this.signal = undefined;
    this.removed = false;
    /** timers/promises: whether its promise settled */
    this.done = false;
    this.leaked = false;
    /** the promises whose executor or race armed it: the `new Promise`, the races it is an arm of */
    this.owners = null;
  }

  isLive() {
    switch (this.kind) {
      case KIND_TIMEOUT:
      case KIND_INTERVAL:
        return this.handle._destroyed !== true;
      case KIND_SLEEP:
        return !this.done;
      case KIND_ON:
      case KIND_ONCE:
        try {
          return Reflect.apply(original.listeners, this.target, [this.type]).includes(this.listener);
        } catch {
          return false;
        }
      case KIND_EVENT_LISTENER:
        if (this.removed) return false;
        if (this.signal !== undefined && this.signal.aborted) return false;
        // an AbortSignal fires 'abort' once: a once listener for it is gone when it is aborted
        if (this.once && this.type === 'abort' && this.target instanceof AbortSignal && this.target.aborted) return false;
        return true;
      default:
        return false;
    }
  }
}

const KIND_TIMEOUT = 'setTimeout';
const KIND_INTERVAL = 'setInterval';
const KIND_SLEEP = 'timers/promises.setTimeout';
const KIND_ON = 'on';
const KIND_ONCE = 'once';
const KIND_EVENT_LISTENER = 'addEventListener';
const KIND_CONTROLLER = 'AbortController';

// Every resource not yet known to be released, for the count at exit. Swept when it doubles, so
// it holds about twice the live resources, not every resource ever created; sweeping often lets
// released ones (and the promises they point to) die young.
let liveResources = [];
let sweepAt = 64;

function remember(resource) {
  resource.site.armed++;
  liveResources.push(resource);
  if (liveResources.length >= sweepAt) {
    liveResources = liveResources.filter((candidate) => candidate.isLive());
    sweepAt = Math.max(64, liveResources.length * 2);
  }
  if (frameDepth > 0) (frameResources[frameDepth] ??= []).push(resource);
}

function markLeaked(resource) {
  if (resource.leaked) return;
  resource.leaked = true;
  resource.site.leaked++;
}

// ---------------------------------------------------------------------------------------------
// Owners: a `new Promise` whose executor armed something, and a Promise.race over such promises.
// A resource outlived its owner when it is still live after the owner settled: a timer that fires
// once its race has settled (its callback can no longer change the outcome), or anything still
// live at exit whose owner had settled. A clear in .finally() or in a finally block runs before
// either, and counts as a release. Settlement is read off the promise at those two moments only,
// so no promise of the program gets a reaction from the tracker.

/** frameResources[d]: what the d-th executor now running (innermost last) armed, or null */
const frameResources = [null];
const frameExecutors = [undefined];
let frameDepth = 0;
// promise → what its executor armed, for the races it enters. The newest are kept in a Map (a
// race's arms are usually made just before it), the older in a WeakMap only while something they
// armed is still live: many WeakMap entries make every garbage collection slower.
const RECENT = 256;
const recentlyOwned = new Map();
const ownedBy = new WeakMap();

function register(promise, resources) {
  recentlyOwned.set(promise, resources);
  if (recentlyOwned.size <= RECENT) return;
  const [oldest, oldestResources] = recentlyOwned.entries().next().value;
  recentlyOwned.delete(oldest);
  if (oldestResources.some((resource) => resource.isLive())) ownedBy.set(oldest, oldestResources);
}

// Runs `fn` (constructed when newTarget is given) as an owner's frame: what it arms is the result's.
function armedDuring(executor, fn, thisArg, args, newTarget) {
  frameResources[++frameDepth] = null;
  frameExecutors[frameDepth] = executor;
  let result;
  let armed;
  try {
    result = newTarget === undefined ? Reflect.apply(fn, thisArg, args) : Reflect.construct(fn, args, newTarget);
  } finally {
    frameExecutors[frameDepth] = undefined;
    armed = frameResources[frameDepth--];
  }
  if (armed !== null && result !== null && typeof result === 'object') own(armed, result);
  return result;
}

function own(resources, promise) {
  for (const resource of resources) (resource.owners ??= []).push(promise);
  register(promise, resources);
}

function ownedResources(promise) {
  return recentlyOwned.get(promise) ?? ownedBy.get(promise);
}

// The state of a promise is not readable from JavaScript but through util.inspect, which asks V8.
// It runs only when an owned timer fires, a sleep ends, or at exit.
const PENDING = /^[^{]*\{ <pending>/;

function isSettled(promise) {
  try {
    return !PENDING.test(util.inspect(promise, { depth: 0, customInspect: false, showProxy: false, maxArrayLength: 0, maxStringLength: 0, breakLength: Infinity }));
  } catch {
    return false;
  }
}

function outlivedOwner(resource) {
  if (resource.owners === null || resource.leaked) return false;
  for (const owner of resource.owners) if (isSettled(owner)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Timers.

let currentTimer = null;

function copyIdentity(wrapper, wrapped) {
  Object.defineProperty(wrapper, 'name', { value: wrapped.name, configurable: true });
  Object.defineProperty(wrapper, 'length', { value: wrapped.length, configurable: true });
  // util.promisify(setTimeout) is timers/promises' setTimeout through this symbol
  const custom = Object.getOwnPropertyDescriptor(wrapped, util.promisify.custom);
  if (custom !== undefined) Object.defineProperty(wrapper, util.promisify.custom, custom);
}

function trackTimer(originalTimer, kind) {
  const tracked = function (callback) {
    if (typeof callback !== 'function') return Reflect.apply(originalTimer, this, arguments);
    const site = siteOf(kind, tracked, callback);
    if (site === undefined) return Reflect.apply(originalTimer, this, arguments);
    const resource = new Resource(site, kind);
    // The callback runs with `this` and the arguments it always had; the wrapper checks whether
    // the timer outlived its race, and says which timer is firing, for an abort() it makes.
    arguments[0] = function () {
      if (outlivedOwner(resource)) markLate(resource);
      const previous = currentTimer;
      currentTimer = resource;
      try {
        return Reflect.apply(callback, this, arguments);
      } finally {
        currentTimer = previous;
      }
    };
    const handle = Reflect.apply(originalTimer, this, arguments);
    resource.handle = handle;
    remember(resource);
    return handle;
  };
  copyIdentity(tracked, originalTimer);
  return tracked;
}

const trackedSetTimeout = trackTimer(original.setTimeout, KIND_TIMEOUT);
const trackedSetInterval = trackTimer(original.setInterval, KIND_INTERVAL);

function trackedSleep() {
  const promise = Reflect.apply(original.sleep, this, arguments);
  const site = siteOf(KIND_SLEEP, trackedSleep);
  if (site === undefined) return promise;
  const resource = new Resource(site, KIND_SLEEP);
  resource.handle = promise;
  // Registered before any race's: it runs while the race the sleep wins is still pending. Its one
  // side effect is that a sleep whose rejection (an abort) nobody handles is no longer reported.
  // It rejects when aborted, a release; it fulfils when its time is up, late if its race is over.
  promiseThen.call(
    promise,
    () => {
      if (outlivedOwner(resource)) markLate(resource);
      resource.done = true;
    },
    () => {
      resource.done = true;
    },
  );
  remember(resource);
  register(promise, [resource]);
  return promise;
}
copyIdentity(trackedSleep, original.sleep);

// events.once(emitter, name) builds its promise inside Node, out of this tracker's sight: what it
// adds while it runs belongs to that promise, for the race it enters.
function trackedEventsOnce() {
  return armedDuring(undefined, original.eventsOnce, this, arguments, undefined);
}
copyIdentity(trackedEventsOnce, original.eventsOnce);

// ---------------------------------------------------------------------------------------------
// Listeners.

let addingOnce = false;

function recordListener(kind, callee, target, type, listener) {
  const site = siteOf(kind, callee, typeof listener === 'function' ? listener : undefined);
  if (site === undefined) return undefined;
  const resource = new Resource(site, kind);
  resource.target = target;
  resource.type = type;
  resource.listener = listener;
  remember(resource);
  return resource;
}

function trackOn(originalMethod, kind) {
  const tracked = function (type, listener) {
    const result = Reflect.apply(originalMethod, this, arguments);
    if (!addingOnce && typeof listener === 'function') recordListener(kind, tracked, this, type, listener);
    return result;
  };
  copyIdentity(tracked, originalMethod);
  return tracked;
}

// once() adds its wrapper through this.on(): that inner add is the same listener, counted once.
function trackOnce(originalMethod) {
  const tracked = function (type, listener) {
    const wasAdding = addingOnce;
    addingOnce = true;
    let result;
    try {
      result = Reflect.apply(originalMethod, this, arguments);
    } finally {
      addingOnce = wasAdding;
    }
    if (!wasAdding && typeof listener === 'function') recordListener(KIND_ONCE, tracked, this, type, listener);
    return result;
  };
  copyIdentity(tracked, originalMethod);
  return tracked;
}

/** listener → its EventTarget resources, for removeEventListener */
const eventListeners = new WeakMap();

function trackedAddEventListener(type, listener, options) {
  const result = Reflect.apply(original.addEventListener, this, arguments);
  if (listener === null || (typeof listener !== 'function' && typeof listener !== 'object')) return result;
  const resource = recordListener(KIND_EVENT_LISTENER, trackedAddEventListener, this, String(type), listener);
  if (resource === undefined) return result;
  if (typeof options === 'boolean') resource.capture = options;
  else if (options !== null && typeof options === 'object') {
    resource.capture = Boolean(options.capture);
    resource.once = Boolean(options.once);
    if (options.signal instanceof AbortSignal) resource.signal = options.signal;
  }
  let list = eventListeners.get(listener);
  if (list === undefined) {
    list = [];
    eventListeners.set(listener, list);
  }
  list.push(resource);
  return result;
}
copyIdentity(trackedAddEventListener, original.addEventListener);

function trackedRemoveEventListener(type, listener, options) {
  const result = Reflect.apply(original.removeEventListener, this, arguments);
  const list = listener !== null && (typeof listener === 'function' || typeof listener === 'object') ? eventListeners.get(listener) : undefined;
  if (list !== undefined) {
    const capture = typeof options === 'boolean' ? options : Boolean(options !== null && typeof options === 'object' && options.capture);
    for (const resource of list) {
      if (resource.target === this && resource.type === String(type) && resource.capture === capture) resource.removed = true;
    }
  }
  return result;
}
copyIdentity(trackedRemoveEventListener, original.removeEventListener);

// ---------------------------------------------------------------------------------------------
// AbortControllers, and the abort timer that fires after the work it guarded has finished.

/** AbortController → its site; AbortSignal → its controller's record */
const controllerSites = new WeakMap();
const signalWork = new WeakMap();

class Work {
  constructor() {
    this.started = 0;
    this.pending = 0;
  }
}

const TrackedAbortController = new Proxy(original.AbortController, {
  construct(target, args, newTarget) {
    const controller = Reflect.construct(target, args, newTarget === TrackedAbortController ? target : newTarget);
    const site = siteOf(KIND_CONTROLLER, this.construct);
    if (site !== undefined) {
      site.armed++;
      controllerSites.set(controller, site);
      signalWork.set(controller.signal, new Work());
    }
    return controller;
  },
});

function trackedAbort() {
  const site = controllerSites.get(this);
  if (site !== undefined && !this.signal.aborted) {
    site.aborted++;
    if (currentTimer !== null && abortWasLate(this.signal)) markLate(currentTimer);
  }
  return Reflect.apply(original.abort, this, arguments);
}
copyIdentity(trackedAbort, original.abort);

// A timer that aborts a controller whose every fetch has settled and had its body read (or
// never read) aborts nothing: it outlived its work, like a race's timer after the race.
function abortWasLate(signal) {
  const work = signalWork.get(signal);
  return work !== undefined && work.started > 0 && work.pending === 0;
}

function markLate(resource) {
  if (resource.leaked) return;
  resource.site.liveAfterSettle++;
  markLeaked(resource);
}

const responseWork = new WeakMap();

let bodyReadsTracked = false;

function trackedFetch(input, init) {
  // Response is a lazy global that loads undici: patched on the first fetch, not at startup.
  if (!bodyReadsTracked) {
    bodyReadsTracked = true;
    for (const name of ['text', 'json', 'arrayBuffer', 'blob', 'formData', 'bytes']) trackBodyRead(name);
  }
  const result = Reflect.apply(original.fetch, this, arguments);
  const signal = init !== null && typeof init === 'object' ? init.signal : undefined;
  const work = signal !== undefined && signal !== null ? signalWork.get(signal) : undefined;
  if (work === undefined || !(result instanceof mainPromise)) return result;
  work.started++;
  work.pending++;
  promiseThen.call(
    result,
    (response) => {
      if (response !== null && typeof response === 'object' && response.body !== null) responseWork.set(response, work);
      work.pending--;
    },
    () => {
      work.pending--;
    },
  );
  return result;
}

function trackBodyRead(name) {
  const prototype = globalThis.Response && globalThis.Response.prototype;
  const method = prototype && prototype[name];
  if (typeof method !== 'function') return;
  const tracked = function () {
    const result = Reflect.apply(method, this, arguments);
    const work = responseWork.get(this);
    if (work !== undefined && result instanceof mainPromise) {
      work.pending++;
      const done = () => {
        work.pending--;
      };
      promiseThen.call(result, done, done);
    }
    return result;
  };
  copyIdentity(tracked, method);
  prototype[name] = tracked;
}

// ---------------------------------------------------------------------------------------------
// Promises, in every realm the program runs code in (jest's test files run in a vm context, with
// that context's own Promise).

const mainPromise = Promise;
const promiseThen = Promise.prototype.then;

function instrumentRealm(global) {
  const RealmPromise = global.Promise;
  if (typeof RealmPromise !== 'function' || global[STATE] !== undefined) return;
  Object.defineProperty(global, STATE, { value: true });
  const originalRace = RealmPromise.race;

  // new Promise(executor): the executor runs inside the constructor, so what it arms is known
  // when the constructor returns; it gets the very resolve and reject it always got.
  const TrackedPromise = new Proxy(RealmPromise, {
    construct(target, args, newTarget) {
      return armedDuring(args[0], target, undefined, args, newTarget === TrackedPromise ? target : newTarget);
    },
  });

  // Promise.race over arms that armed something: the race owns what they armed too.
  function race(iterable) {
    const result = Reflect.apply(originalRace, this === TrackedPromise ? RealmPromise : this, arguments);
    if (!Array.isArray(iterable)) return result;
    let armed = null;
    for (let index = 0; index < iterable.length; index++) {
      const arm = iterable[index];
      const armResources = arm !== null && typeof arm === 'object' ? ownedResources(arm) : undefined;
      if (armResources !== undefined) armed = armed === null ? [...armResources] : armed.concat(armResources);
    }
    if (armed !== null) own(armed, result);
    return result;
  }
  copyIdentity(race, originalRace);

  // Statics called on the proxy run on the real constructor, so Promise.resolve(p) is still p.
  for (const name of Object.getOwnPropertyNames(RealmPromise)) {
    const descriptor = Object.getOwnPropertyDescriptor(RealmPromise, name);
    if (typeof descriptor.value !== 'function') continue;
    const method = name === 'race' ? race : descriptor.value;
    if (name === 'race') {
      RealmPromise.race = race;
      continue;
    }
    const wrapper = function () {
      return Reflect.apply(method, this === TrackedPromise ? RealmPromise : this, arguments);
    };
    copyIdentity(wrapper, method);
    RealmPromise[name] = wrapper;
  }
  global.Promise = TrackedPromise;
}

// ---------------------------------------------------------------------------------------------
// The report.

function reportPath() {
  const base = process.env.FORGOTTEN_SENDER_TRACK_REPORT;
  const suffix = isMainThread ? `${process.pid}` : `${process.pid}-${threadId}`;
  if (base) return path.resolve(`${base}.${suffix}.json`);
  return path.resolve(`forgotten-sender-track.${suffix}.json`);
}

// May run twice (SIGTERM, then exit): what it counts at exit is counted afresh each time.
function writeReport() {
  const atExit = new Map();
  const leakedAtExit = new Map();
  for (const resource of liveResources) {
    if (!resource.isLive()) continue;
    if (outlivedOwner(resource)) markLate(resource);
    atExit.set(resource.site, (atExit.get(resource.site) || 0) + 1);
    // A listener still attached at exit is often the program's on purpose (a server's, a pool's);
    // a timer still armed is not.
    if (!resource.leaked && (resource.kind === KIND_TIMEOUT || resource.kind === KIND_INTERVAL || resource.kind === KIND_SLEEP)) {
      leakedAtExit.set(resource.site, (leakedAtExit.get(resource.site) || 0) + 1);
    }
  }
  const counts = (site) => ({
    armed: site.armed,
    liveAfterSettle: site.liveAfterSettle,
    liveAtExit: site.kind === KIND_CONTROLLER ? site.armed - site.aborted : atExit.get(site) || 0,
    leaked: site.leaked + (leakedAtExit.get(site) || 0),
  });
  // Sites are kept by generated position; two generated positions may map to one source position.
  const merged = new Map();
  for (const site of allSites) {
    const key = `${site.file}\0${site.line}\0${site.column}\0${site.kind}`;
    const entry = merged.get(key);
    const siteCounts = counts(site);
    if (entry === undefined) merged.set(key, { file: site.file, line: site.line, column: site.column, kind: site.kind, ...siteCounts });
    else for (const field of Object.keys(siteCounts)) entry[field] += siteCounts[field];
  }
  const sites = [...merged.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0)));
  const file = reportPath();
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify({ pid: process.pid, argv: process.argv, sites }, null, 2)}\n`);
    if (!process.env.FORGOTTEN_SENDER_TRACK_QUIET) process.stderr.write(`forgotten-sender track: ${file}\n`);
  } catch (error) {
    process.stderr.write(`forgotten-sender track: cannot write ${file}: ${error && error.message}\n`);
  }
}

// ---------------------------------------------------------------------------------------------
// Install.

globalThis.setTimeout = trackedSetTimeout;
globalThis.setInterval = trackedSetInterval;
timers.setTimeout = trackedSetTimeout;
timers.setInterval = trackedSetInterval;
timersPromises.setTimeout = trackedSleep;

EventEmitter.prototype.on = trackOn(original.on, KIND_ON);
EventEmitter.prototype.addListener = EventEmitter.prototype.on;
EventEmitter.prototype.prependListener = trackOn(original.prependListener, KIND_ON);
EventEmitter.prototype.once = trackOnce(original.once);
EventEmitter.prototype.prependOnceListener = trackOnce(original.prependOnceListener);
EventEmitter.once = trackedEventsOnce;
EventTarget.prototype.addEventListener = trackedAddEventListener;
EventTarget.prototype.removeEventListener = trackedRemoveEventListener;

original.AbortController.prototype.constructor = TrackedAbortController;
Object.defineProperty(globalThis, 'AbortController', { value: TrackedAbortController, writable: true, enumerable: false, configurable: true });
original.AbortController.prototype.abort = trackedAbort;

if (typeof original.fetch === 'function') {
  copyIdentity(trackedFetch, original.fetch);
  globalThis.fetch = trackedFetch;
}

instrumentRealm(globalThis);

vm.createContext = function createContext() {
  const context = Reflect.apply(original.createContext, this, arguments);
  try {
    instrumentRealm(original.runInContext('globalThis', context));
  } catch {
    // a context without code generation, or one that throws on access: left as it is
  }
  return context;
};
copyIdentity(vm.createContext, original.createContext);

// `import { setTimeout } from 'node:timers'` reads the ES module view of these builtins.
nodeModule.syncBuiltinESMExports();

// Test runners stop their worker processes with SIGTERM (vitest's forks, jest's after a grace
// period), which skips 'exit'. The report is written then too, and the signal raised again once
// this listener is gone, so the process still dies of it, as it would have; a program that
// listens for SIGTERM itself keeps its own handling.
function writeReportOnSigterm() {
  writeReport();
  if (process.listenerCount('SIGTERM') > 1) return;
  process.removeListener('SIGTERM', writeReportOnSigterm);
  process.kill(process.pid, 'SIGTERM');
}

Reflect.apply(original.on, process, ['exit', writeReport]);
Reflect.apply(original.on, process, ['SIGTERM', writeReportOnSigterm]);
