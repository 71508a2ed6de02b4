// `done` answers whether it accepted the record: a dropped late call could not answer.
declare function search(term: string, callback: (err: Error | null, record?: string) => void): void;

export function process(term: string, done: (err: Error | null, record?: string) => boolean): void {
  setTimeout(() => done(new Error('search canceled')), 100);
  search(term, (err, record) => {
    done(err, record);
  });
}
