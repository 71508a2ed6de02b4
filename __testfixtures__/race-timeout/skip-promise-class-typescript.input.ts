// A promise class of the code's own in TypeScript: the cleanup would go in both handlers of
// `.then()`, whose parameters take their types from `_Promise`, here `any` (TS7006 under strict).
export class Client {
  _Promise: any = Promise;

  find(work: Promise<string>): Promise<string> {
    return this._Promise.race([
      work,
      new this._Promise((_: unknown, reject: (error: Error) => void) => setTimeout(() => reject(new Error('search canceled')), 100)),
    ]);
  }
}
