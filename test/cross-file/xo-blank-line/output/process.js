// A project linted by xo, whose padding-line-between-statements wants a blank line after a block
// over several lines: the try/finally put around an awaited race gets one.
export async function process(term) {
	const results = [];
	let timerHandle;
	try {
		await Promise.race([
			search(term).then((value) => results.push(value)),
			new Promise((_, reject) => {
				timerHandle = setTimeout(() => reject(new Error('search canceled')), 100);
			}),
		]);
	} finally {
		clearTimeout(timerHandle);
	}

	return results[0];
}
