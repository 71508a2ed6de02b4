// EventTarget listeners added with { once: true } above the timer, with only a handler declared
// between them and it: no event can come before the handle is kept. No semicolons.
export function waitReady(target: EventTarget): Promise<Event> {
  return new Promise<Event>((resolve, reject) => {
    const onReady = (event: Event) => {
      target.removeEventListener('error', onError)
      resolve(event)
    }
    target.addEventListener('ready', onReady, { once: true })
    const onError = () => {
      target.removeEventListener('ready', onReady)
      reject(new Error('search failed'))
    }
    target.addEventListener('error', onError, { once: true })
    setTimeout(() => {
      target.removeEventListener('ready', onReady)
      target.removeEventListener('error', onError)
      reject(new Error('ready timeout'))
    }, 100)
  })
}
