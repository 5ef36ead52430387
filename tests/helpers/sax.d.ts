// The part of sax (a dependency of rss-parser, no types of its own) the well-formedness check uses.
declare module 'sax' {
  interface SaxTag {
    name: string;
    attributes: Record<string, string>;
  }
  interface SaxParser {
    onerror: (error: Error) => void;
    onopentag: (tag: SaxTag) => void;
    onclosetag: (name: string) => void;
    ontext: (text: string) => void;
    oncdata: (text: string) => void;
    write(xml: string): SaxParser;
    close(): SaxParser;
  }
  const sax: { parser(strict: boolean, options?: Record<string, unknown>): SaxParser };
  export default sax;
}
