export class Searcher {
  controller = new AbortController();

  async process(term) {
    setTimeout(() => this.controller.abort(), 100);
    setTimeout(() => controller.abort(), 100);
    const response = await fetch('https://search.example/?q=' + term, { signal: this.controller.signal });
    return await response.text();
  }
}
