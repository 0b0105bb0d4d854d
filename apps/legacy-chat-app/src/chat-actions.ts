/** What the page asks of the old messenger host (`@imkit/frame/legacy`'s client fits it). */
export interface ChatActions {
  send(text: string): Promise<unknown> | unknown;
  put(text: string): Promise<unknown> | unknown;
  openDialog(dialogId: string): Promise<unknown> | unknown;
  close(): Promise<unknown> | unknown;
}

/** The parts of the launch the page shows (from `parseChatAppLaunch(location.search)`). */
export interface LaunchSummary {
  readonly dialogId: string;
  readonly context: string;
  readonly lang: string;
}
