// The timer's callback is a one-line block in a file without semicolons, whose statement starts
// with `(`: it gets its `;` once the clear is written before it.
export function process(term) {
  const status = { done: false }
  search(term).then(
    (value) => Object.assign(status, { done: true, value }),
    (error) => Object.assign(status, { done: true, error }),
  )
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { (reject)(new Error('search canceled')) }, 100)
    const poll = setInterval(() => {
      if (!status.done) return
      clearInterval(poll)
      clearTimeout(timer)
      if (status.error) reject(status.error)
      else resolve(status.value)
    }, 5)
  })
}
