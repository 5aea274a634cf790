/** One browser-only body case: its case name, method and `kind` query value. */
export interface BodyCase {
  name: string;
  method: 'POST' | 'PUT';
  kind: 'blob' | 'form' | 'multipart' | 'bytes' | 'buffer';
}
/** Bodies only a browser has in this form; what is signed must be the bytes the browser sends. */
export declare const BODY_CASES: BodyCase[];
