/** A list method's answer: the host adds `total` (and `next` when more pages exist) beside `result`. */
export class ListResult {
  constructor(
    readonly items: readonly unknown[],
    readonly total: number,
    readonly next: number | null = null,
  ) {}
}
