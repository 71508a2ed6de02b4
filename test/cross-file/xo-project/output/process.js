// A project linted by xo, whose no-confusing-void-expression forbids `() => clearTimeout(h)`: the
// cleanup is written as a block.
export function process(term) {
	let timerHandle;
	return Promise.race([
		search(term),
		new Promise((_, reject) => {
			timerHandle = setTimeout(() => reject(new Error('search canceled')), 100);
		}),
	]).finally(() => {
		clearTimeout(timerHandle);
	});
}
