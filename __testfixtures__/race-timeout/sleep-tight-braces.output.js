// A file that writes object literals without spaces inside the braces, with tabs: the signal the fix
// adds is written the same way.
import {setTimeout} from 'node:timers/promises';

export async function process(term) {
	const options = {retries: 1};
	const timerController = new AbortController();
	return Promise.race([search(term, options), setTimeout(100, undefined, {signal: timerController.signal}).then(() => {
		throw new Error('search canceled');
	})]).finally(() => timerController.abort());
}
