// No semicolons. Each event clears the timer already; only the handlers the timer leaves set are
// missing. The promise takes its type from the function's return type, and nothing is chained on it.
declare class RelaySocket {
  constructor(url: string)
  onopen: (() => void) | null
  onerror: ((error: Error) => void) | null
}

export function connect(url: string): Promise<RelaySocket> {
  const socket = new RelaySocket(url)
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error('ready timeout'))
      socket.onopen = null
      socket.onerror = null
    }, 100)
    socket.onopen = () => {
      clearTimeout(timer)
      resolve(socket)
    }
    socket.onerror = (error: Error) => {
      clearTimeout(timer)
      reject(error)
    }
  })
}
