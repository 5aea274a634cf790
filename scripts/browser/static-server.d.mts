/** A file the static server answers with. */
export interface StaticFile {
  body: string;
  type: string;
}

/** A loopback static server started on port 0. */
export interface StaticServer {
  /** Origin, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  url: string;
  /** Every path requested so far, in order (clear with `served.length = 0`). */
  served: string[];
  close(): Promise<void>;
}

/** Serves `files` (path -> content) on 127.0.0.1 and a random port. */
export declare function startStaticServer(files: Record<string, StaticFile>): Promise<StaticServer>;
/** A minimal HTML page that runs one ES module. */
export declare function pageHtml(title: string, script: string): string;
