// The file writes `else` on a line of its own (brace-style "stroustrup"): the finally the fix writes
// goes on a line of its own too.
export async function process(term) {

    const bomb = setTimeout(() => {

        throw new Error('search not done within 100 ms');
    }, 100);
    await search(term);
    clearTimeout(bomb);
    if (term) {
        return 'answered';
    }
    else {
        return 'nothing asked';
    }
}
