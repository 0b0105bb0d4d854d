/**
 * The structure rules of ATTACH (bot-platform-docs.txt "Attachments"): the full form `{ID?, COLOR?,
 * BLOCKS}`, a list of full forms, or the short form (the list of blocks). Every block needs a known
 * type that is filled in; unknown keys next to a known one are ignored, as the host ignores them.
 * Each rule answers what is wrong, or null.
 */
import {
  asItems,
  asPayloadList,
  hasAnyFilled,
  isFilled,
  isPayloadRecord,
  isWebLink,
  type PayloadRecord,
} from './payload-values.js';

type ItemRule = (item: PayloadRecord) => string | null;

const gridDisplays = ['BLOCK', 'LINE', 'COLUMN', 'ROW'];

/** LINK, when given, must be an http(s) URL; `keys` are the alternatives of which one must be filled. */
function linked(keys: readonly string[]): ItemRule {
  return (item) => {
    if (isFilled(item.LINK) && !isWebLink(item.LINK)) return 'LINK is not an http(s) URL';
    return hasAnyFilled(item, keys) ? null : `needs ${keys.join(' or ')}`;
  };
}

const gridItem: ItemRule = (item) => {
  if (!hasAnyFilled(item, ['NAME', 'VALUE'])) return 'needs NAME or VALUE';
  if (item.DISPLAY !== undefined && !gridDisplays.includes(String(item.DISPLAY))) {
    return `DISPLAY must be one of ${gridDisplays.join(', ')}`;
  }
  return isFilled(item.LINK) && !isWebLink(item.LINK) ? 'LINK is not an http(s) URL' : null;
};

/** Each item of a block value, checked with `rule`; the first failure names the item. */
function eachItem(type: string, rule: ItemRule): (value: unknown) => string | null {
  return (value) => {
    const items = asItems(value);
    if (items === null || items.length === 0) return `${type} is empty`;
    for (const [index, item] of items.entries()) {
      const where = asPayloadList(value) === null ? type : `${type}[${index}]`;
      if (!isPayloadRecord(item)) return `${where} is not an object`;
      const problem = rule(item);
      if (problem !== null) return `${where}: ${problem}`;
    }
    return null;
  };
}

const blockRules: Readonly<Record<string, (value: unknown) => string | null>> = {
  MESSAGE: (value) => (isFilled(value) ? null : 'MESSAGE is empty'),
  USER: eachItem('USER', linked(['NAME', 'USER_ID', 'CHAT_ID', 'BOT_ID'])),
  LINK: eachItem('LINK', linked(['LINK', 'CHAT_ID', 'USER_ID'])),
  RICH_LINK: eachItem('RICH_LINK', linked(['LINK'])),
  DELIMITER: (value) =>
    isPayloadRecord(value) || value === '' || value === undefined ? null : 'DELIMITER is not an object',
  GRID: eachItem('GRID', gridItem),
  IMAGE: eachItem('IMAGE', linked(['LINK'])),
  FILE: eachItem('FILE', linked(['LINK'])),
};

const blockTypes = Object.keys(blockRules);

function blockProblem(block: unknown): string | null {
  if (!isPayloadRecord(block)) return 'is not an object';
  const types = Object.keys(block).filter((key) => Object.hasOwn(blockRules, key));
  if (types.length === 0) return `has none of ${blockTypes.join(', ')}`;
  for (const type of types) {
    const problem = blockRules[type]!(block[type]);
    if (problem !== null) return problem;
  }
  return null;
}

function blocksProblem(blocks: unknown, path: string): string | null {
  const list = asPayloadList(blocks);
  if (list === null) return `${path} is not a list`;
  if (list.length === 0) return `${path} is empty`;
  for (const [index, block] of list.entries()) {
    const problem = blockProblem(block);
    if (problem !== null) return `${path}[${index}]: ${problem}`;
  }
  return null;
}

const isFullForm = (value: unknown): value is PayloadRecord => isPayloadRecord(value) && 'BLOCKS' in value;

/** What is wrong with an ATTACH value (already decoded from JSON), or null when the host accepts it. */
export function attachProblem(value: unknown): string | null {
  if (isFullForm(value)) return blocksProblem(value.BLOCKS, 'BLOCKS');
  const list = asPayloadList(value);
  if (list === null) return 'ATTACH is neither an object with BLOCKS nor a list of blocks';
  if (list.length === 0) return 'ATTACH is empty';
  if (list.every(isFullForm)) {
    for (const [index, attach] of list.entries()) {
      const problem = blocksProblem((attach as PayloadRecord).BLOCKS, `[${index}].BLOCKS`);
      if (problem !== null) return problem;
    }
    return null;
  }
  return blocksProblem(list, 'BLOCKS');
}
