// `this.proc.stdout` read inside a `function` handler would be the stream's own `this`: the removal
// written there would not reach the emitter.
export class Runner {
  wait() {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timeout')), 1000);
      this.proc.stdout.on('data', function (chunk) {
        clearTimeout(timer);
        resolve(chunk);
      });
    });
  }
}
