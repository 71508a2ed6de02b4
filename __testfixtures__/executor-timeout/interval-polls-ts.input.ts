// The interval is armed before the timer, and the timer's callback is an expression: it becomes a
// block whose first statement clears the interval.
export function process(term: string): Promise<string> {
  let found: string | undefined
  search(term).then((value: string) => {
    found = value
  }, () => undefined)
  return new Promise<string>((resolve, reject) => {
    const check = setInterval(() => {
      if (found !== undefined) {
        clearInterval(check)
        clearTimeout(timeout)
        resolve(found)
      }
    }, 5)
    const timeout = setTimeout(
      () => reject(new Error('search canceled')),
      100
    )
  })
}

declare function search(term: string): Promise<string>
