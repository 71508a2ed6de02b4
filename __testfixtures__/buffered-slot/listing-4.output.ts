// Listing 4 of "Goroutine Leaks — The Forgotten Sender", in TypeScript. An unbuffered Repeater is
// Go's `make(chan result)`: `await push(result)` returns only when the consumer asks for the next
// value, which it never does once it has taken one, or given up after 100 ms. The producer stays
// blocked on its send forever.
import { Repeater, FixedBuffer } from '@repeaterjs/repeater';

declare function search(term: string): Promise<string>;

// result wraps the return values from search. It allows us
// to pass both values across a single channel.
interface Result {
  record: string;
  err: Error | null;
}

// process is the work for the program. It finds a record
// then prints it. It fails if it takes more than 100ms.
export async function process(term: string): Promise<void> {
  // Make a channel for the producer to report its result.
  // Launch the producer to find the record. Create a result
  // from the returned values to send through the channel.
  const ch = new Repeater<Result>(async (push) => {
    const result = await search(term).then(
      (record): Result => ({ record, err: null }),
      (err: Error): Result => ({ record: '', err }),
    );
    await push(result);
  }, new FixedBuffer(1));

  let timerHandle: ReturnType<typeof setTimeout>;
  // Block waiting to either receive from the producer's
  // channel or for the timeout.
  const { value: result } = await Promise.race([
    ch.next(),
    new Promise<never>((_, reject) => {
      timerHandle = setTimeout(() => reject(new Error('search canceled')), 100);
    }),
  ]).finally(() => clearTimeout(timerHandle));
  if (result.err) {
    throw result.err;
  }
  console.log('Received:', result.record);
}
