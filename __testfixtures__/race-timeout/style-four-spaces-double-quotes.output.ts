// Four spaces and double quotes: the lines the fix writes follow the file.
declare function search(term: string): Promise<string>;

export async function process(term: string): Promise<string> {
    let timerHandle: ReturnType<typeof setTimeout>;
    const record = await Promise.race([
        search(term),
        new Promise<never>((_, reject) => {
            timerHandle = setTimeout(() => reject(new Error("search canceled")), 100);
        }),
    ]).finally(() => clearTimeout(timerHandle));
    return record;
}
