/**
 * One app-wide notice that survives a page change, shown by the layout in a live region:
 * e.g. "the session could not be saved" raised while analysing and read on the report page.
 */
export type NoticeKind = 'info' | 'warning';

export class Notice {
  message = $state<string | null>(null);
  kind = $state<NoticeKind>('info');

  show(message: string, kind: NoticeKind = 'info'): void {
    this.message = message;
    this.kind = kind;
  }

  dismiss(): void {
    this.message = null;
  }
}

/** The app's one notice. */
export const notice = new Notice();
