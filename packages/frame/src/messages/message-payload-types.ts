/**
 * The shapes of `im.message.add`'s ATTACH, KEYBOARD and MENU (bot-platform-docs.txt "Attachments",
 * "Using Keyboards", "Using Context Menus"), for apps that build them. The checks accept any value,
 * as the host does; these types only help writing a valid one.
 */

/** One GRID cell; DISPLAY lays the cells out (`BLOCK` below each other, `LINE` wrapping, `COLUMN`, `ROW`). */
export interface GridItem {
  readonly NAME?: string;
  readonly VALUE?: string;
  readonly DISPLAY?: 'BLOCK' | 'LINE' | 'COLUMN' | 'ROW';
  readonly WIDTH?: number | string;
  readonly COLOR?: string;
  readonly LINK?: string;
  readonly CHAT_ID?: number;
  readonly USER_ID?: number;
}

export interface AttachUser {
  readonly NAME?: string;
  readonly AVATAR?: string;
  readonly LINK?: string;
  readonly USER_ID?: number;
  readonly CHAT_ID?: number;
  readonly BOT_ID?: number;
}

export interface AttachLink {
  readonly NAME?: string;
  readonly LINK?: string;
  readonly DESC?: string;
  readonly PREVIEW?: string;
  readonly CHAT_ID?: number;
  readonly USER_ID?: number;
}

export interface AttachImage {
  readonly LINK: string;
  readonly NAME?: string;
  readonly PREVIEW?: string;
}

export interface AttachFile {
  readonly LINK: string;
  readonly NAME?: string;
  readonly SIZE?: number | string;
}

export type AttachBlock =
  | { readonly MESSAGE: string }
  | { readonly USER: AttachUser }
  | { readonly LINK: AttachLink }
  | { readonly RICH_LINK: AttachLink }
  | { readonly DELIMITER: { readonly SIZE?: number; readonly COLOR?: string } }
  | { readonly GRID: readonly GridItem[] }
  | { readonly IMAGE: AttachImage | readonly AttachImage[] }
  | { readonly FILE: AttachFile | readonly AttachFile[] };

/** The full form; `[ATTACH=<ID>]` in MESSAGE places it inside the text. */
export interface Attach {
  readonly ID?: number;
  readonly COLOR?: string;
  readonly BLOCKS: readonly AttachBlock[];
}

/** Full form, several full forms, or the short form (just the blocks). */
export type AttachPayload = Attach | readonly Attach[] | readonly AttachBlock[];

export type ButtonAction = 'PUT' | 'SEND' | 'COPY' | 'CALL' | 'DIALOG';

/** What a button or menu item does: LINK, COMMAND, APP_ID or ACTION with ACTION_VALUE. */
export interface MenuItem {
  readonly TEXT: string;
  readonly LINK?: string;
  readonly COMMAND?: string;
  readonly COMMAND_PARAMS?: string;
  readonly APP_ID?: number | string;
  readonly APP_PARAMS?: string;
  readonly ACTION?: ButtonAction;
  readonly ACTION_VALUE?: string;
  readonly DISABLED?: 'Y' | 'N';
}

export interface KeyboardButton extends MenuItem {
  readonly DISPLAY?: 'BLOCK' | 'LINE';
  readonly BG_COLOR?: string;
  readonly TEXT_COLOR?: string;
  readonly WIDTH?: number | string;
  readonly BLOCK?: 'Y' | 'N';
}

/** Starts a new row of buttons. */
export interface ButtonRowBreak {
  readonly TYPE: 'NEWLINE';
}
