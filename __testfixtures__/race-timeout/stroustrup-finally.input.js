// The file puts `else`, `catch` and `finally` on a line of their own (ESLint's brace-style
// "stroustrup", as hapi does): the try/finally the fix writes does the same.
export async function process(term) {

    let timer;
    const timeout = new Promise((resolve, reject) => {

        timer = setTimeout(() => reject(new Error('search canceled')), 100);
    });

    if (term === '') {
        return 'nothing';
    }
    else {
        return await Promise.race([search(term), timeout]);
    }
}
