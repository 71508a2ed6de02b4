// Listing 4 with a Web Streams channel and the race on `reader.read()`. This one does not leak in
// JavaScript: unlike a Go select, the lost race leaves its `read()` pending, and that read takes the
// late value, so the write completes. The one-slot buffer is still what Listing 5 does, and harmless.
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
  const ch = new TransformStream<Result, Result>(undefined, undefined, { highWaterMark: 1 });
  const writer = ch.writable.getWriter();
  const reader = ch.readable.getReader();

  // Launch a producer to find the record. Create a result
  // from the returned values to send through the channel.
  void (async () => {
    const result = await search(term).then(
      (record): Result => ({ record, err: null }),
      (err: Error): Result => ({ record: '', err }),
    );
    await writer.write(result);
  })();

  // Block waiting to either receive from the producer's
  // channel or for the timeout.
  const { value: result } = await Promise.race([
    reader.read(),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('search canceled')), 100)),
  ]);
  if (result!.err) {
    throw result!.err;
  }
  console.log('Received:', result!.record);
}
